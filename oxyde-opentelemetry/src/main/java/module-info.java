/**
 * OpenTelemetry client spans for Oxyde ({@code OxydeTracing}), one per statement, over the
 * driver's {@code StatementObserver} hook. The OpenTelemetry API and the driver are re-exported
 * (the API takes an {@code OpenTelemetry} and a {@code PoolRegistry}); the internal package is
 * not exported.
 */
module io.oxyde.opentelemetry {
    requires transitive io.oxyde.driver;
    requires transitive io.opentelemetry.api;
    requires io.opentelemetry.context;

    exports io.oxyde.opentelemetry;
}
