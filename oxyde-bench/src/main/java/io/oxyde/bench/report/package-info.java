/** Turns a JMH JSON result into the tables of {@code docs/performance.md}. */
package io.oxyde.bench.report;
