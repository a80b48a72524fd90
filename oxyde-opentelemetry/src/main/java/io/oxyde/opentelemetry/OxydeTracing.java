package io.oxyde.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.oxyde.driver.PoolRegistry;
import io.oxyde.opentelemetry.internal.StatementSpans;
import java.util.Objects;

/**
 * Traces every statement of a pool registry's pools with OpenTelemetry: a client span named
 * {@code SELECT track} (operation and table), child of the span current where the statement
 * was submitted, with {@code db.system}, {@code db.operation.name}, {@code db.collection.name},
 * {@code db.query.text} (placeholders, never values), {@code error.type} on failure, and
 * {@code oxyde.pool} / {@code oxyde.model}.
 *
 * <p>Why over the driver's hook: the core stays free of OpenTelemetry, and an application
 * without this module pays nothing. {@link #close()} stops tracing.
 */
public final class OxydeTracing implements AutoCloseable {

    /** The instrumentation scope name spans are created under. */
    public static final String INSTRUMENTATION_NAME = "io.oxyde";

    private final AutoCloseable registration;

    private OxydeTracing(AutoCloseable registration) {
        this.registration = registration;
    }

    /** Traces the pools of {@link PoolRegistry#global()} (the one {@code Oxyde.connect} uses). */
    public static OxydeTracing install(OpenTelemetry openTelemetry) {
        return install(openTelemetry, PoolRegistry.global());
    }

    /** Traces the pools of {@code pools}. */
    public static OxydeTracing install(OpenTelemetry openTelemetry, PoolRegistry pools) {
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        return new OxydeTracing(pools.observe(new StatementSpans(openTelemetry.getTracer(INSTRUMENTATION_NAME))));
    }

    /** Stops tracing (spans of statements already running still end). */
    @Override
    public void close() throws Exception {
        registration.close();
    }
}
