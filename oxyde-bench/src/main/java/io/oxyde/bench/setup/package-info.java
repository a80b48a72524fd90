/**
 * Where the bench runs: {@link io.oxyde.bench.setup.BenchTarget} (the database and the driver
 * settings every variant shares) and {@link io.oxyde.bench.setup.BenchSchema} (tables and the
 * Chinook data, loaded once with plain JDBC).
 */
package io.oxyde.bench.setup;
