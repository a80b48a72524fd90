/**
 * Ratio mode: every variant of one database in one JVM, interleaved in short blocks over many
 * rounds, reported as the median and quartiles of the per-round ratios to {@code raw_async} and
 * {@code raw}, for wall time and the process's CPU time. On a shared, noisy machine a per-JVM
 * absolute figure moves by several times from one run to the next, while two variants measured
 * a few hundred milliseconds apart see the same noise, so their ratio stays readable.
 * {@link io.oxyde.bench.ratio.RatioMain} is the entry point, {@code oxyde-bench/ratio.sh} runs
 * it on all three databases.
 */
package io.oxyde.bench.ratio;
