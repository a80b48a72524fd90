/** Test models: version 2, category renamed to section with @RenamedFrom. */
package io.oxyde.cli.lib2;
