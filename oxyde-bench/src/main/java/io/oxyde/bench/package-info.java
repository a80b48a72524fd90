/**
 * Oxyde's JMH suite: {@link io.oxyde.bench.DbBench} (every database operation for raw JDBC,
 * raw JDBC plus an executor hop, jOOQ, Hibernate, the Oxyde driver and the Oxyde API, on SQLite,
 * PostgreSQL and MariaDB), {@link io.oxyde.bench.MicroBench} (IR building, hydration, executor
 * hop), {@link io.oxyde.bench.CodecBenchmark} and {@link io.oxyde.bench.RenderBench}.
 * {@link io.oxyde.bench.QuickCheck} runs every operation once per variant and compares the
 * results (the build's correctness check); {@link io.oxyde.bench.BenchMain} is the entry point
 * of the shaded {@code benchmarks.jar}, and {@code oxyde-bench/run.sh} runs everything and
 * regenerates {@code docs/performance.md}. {@link io.oxyde.bench.ratio} is the ratio mode (all
 * variants interleaved in one JVM, {@code oxyde-bench/ratio.sh}), for ratios a noisy machine
 * cannot blur; {@link io.oxyde.bench.Operations} is the list of operations both share.
 */
package io.oxyde.bench;
