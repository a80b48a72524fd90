/**
 * Micrometer meters for Oxyde ({@code OxydeMetrics}): statement timers over the driver's
 * {@code StatementObserver} hook, pool gauges through HikariCP's own Micrometer tracker.
 * Micrometer and the driver are re-exported (the API takes a {@code MeterRegistry} and a
 * {@code PoolRegistry}); the internal package is not exported.
 */
module io.oxyde.micrometer {
    requires transitive io.oxyde.driver;
    requires transitive micrometer.core;
    requires org.slf4j;

    exports io.oxyde.micrometer;
}
