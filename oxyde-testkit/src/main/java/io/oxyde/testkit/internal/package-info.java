/** How the test kit finds database servers and creates and drops per-test databases. */
package io.oxyde.testkit.internal;
