/**
 * Micrometer metrics for Oxyde: {@link io.oxyde.micrometer.OxydeMetrics} binds a timer per
 * statement, executor and plan-cache meters and HikariCP's own pool metrics to a
 * {@code MeterRegistry}, through the driver's {@link io.oxyde.driver.StatementObserver} hook.
 * The guide is {@code docs/observability.md}.
 */
package io.oxyde.micrometer;
