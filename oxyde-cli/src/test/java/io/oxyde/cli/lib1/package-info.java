/** Test models: a library with a self-referencing category, version 1. */
package io.oxyde.cli.lib1;
