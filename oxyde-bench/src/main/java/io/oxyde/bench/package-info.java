/**
 * JMH benchmarks of Oxyde's hot paths. {@link io.oxyde.bench.BenchMain} is the entry point of
 * the shaded {@code benchmarks.jar}; results and the command line are in
 * {@code docs/performance.md}.
 */
package io.oxyde.bench;
