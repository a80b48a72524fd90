/**
 * The runnable tour of Oxyde for the JVM: {@link io.oxyde.examples.Tour} migrates a database
 * from the Chinook models, loads the whole Chinook data set and runs a dozen showcase queries,
 * printing each result as an aligned table and checking it against facts known independently
 * of Oxyde, so a wrong answer fails the run instead of scrolling past.
 */
package io.oxyde.examples;
