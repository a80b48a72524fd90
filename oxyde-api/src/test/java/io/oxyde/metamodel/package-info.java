/**
 * Tests of the metamodel processor (oxyde-processor) run in-process with compile-testing on
 * sample models: the generated source for each field kind, reproducibility, and misuses of the
 * typed attributes that must not compile.
 */
package io.oxyde.metamodel;
