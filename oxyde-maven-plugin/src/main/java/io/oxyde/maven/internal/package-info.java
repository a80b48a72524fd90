/** Plugin internals: running a CLI command in-process and routing its output to Maven's log. */
package io.oxyde.maven.internal;
