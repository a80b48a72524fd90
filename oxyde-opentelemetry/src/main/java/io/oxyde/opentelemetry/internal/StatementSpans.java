package io.oxyde.opentelemetry.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.oxyde.driver.StatementEnd;
import io.oxyde.driver.StatementEvent;
import io.oxyde.driver.StatementObserver;
import io.oxyde.dialect.Dialect;

/**
 * One {@link SpanKind#CLIENT} span per statement, child of the span current on the thread that
 * submitted it (captured there, since the statement runs on an executor thread). Attributes
 * follow the OpenTelemetry database conventions and carry shapes only: the SQL has
 * placeholders, and a failure sets {@code error.type} (its class) but never its message, which
 * may quote values.
 */
public final class StatementSpans implements StatementObserver {

    public static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    public static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
    public static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation.name");
    public static final AttributeKey<String> DB_COLLECTION = AttributeKey.stringKey("db.collection.name");
    public static final AttributeKey<String> DB_QUERY_TEXT = AttributeKey.stringKey("db.query.text");
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    public static final AttributeKey<String> POOL = AttributeKey.stringKey("oxyde.pool");
    public static final AttributeKey<String> MODEL = AttributeKey.stringKey("oxyde.model");
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("oxyde.outcome");
    public static final AttributeKey<Boolean> IN_TRANSACTION = AttributeKey.booleanKey("oxyde.in_transaction");

    private final Tracer tracer;

    public StatementSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public Object capture() {
        return Context.current();
    }

    @Override
    public Object started(StatementEvent s, Object captured) {
        String operation = s.operation().toUpperCase(java.util.Locale.ROOT);
        var builder = tracer.spanBuilder(s.table() == null ? operation : operation + " " + s.table())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(DB_SYSTEM, system(s.dialect()))
                .setAttribute(DB_SYSTEM_NAME, system(s.dialect()))
                .setAttribute(DB_OPERATION, operation)
                .setAttribute(POOL, s.pool())
                .setAttribute(IN_TRANSACTION, s.inTransaction());
        if (captured instanceof Context parent) {
            builder.setParent(parent);
        }
        if (s.table() != null) {
            builder.setAttribute(DB_COLLECTION, s.table());
        }
        if (s.model() != null) {
            builder.setAttribute(MODEL, s.model());
        }
        return builder.startSpan();
    }

    @Override
    public void finished(StatementEvent s, Object context, StatementEnd end) {
        if (!(context instanceof Span span)) {
            return;
        }
        if (end.sql() != null) {
            span.setAttribute(DB_QUERY_TEXT, end.sql());
        }
        span.setAttribute(OUTCOME, end.outcome().tag());
        if (end.error() != null) {
            span.setAttribute(ERROR_TYPE, end.error().getClass().getName());
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    /** The {@code db.system} value of the conventions. */
    static String system(Dialect dialect) {
        return switch (dialect) {
            case POSTGRES -> "postgresql";
            case SQLITE -> "sqlite";
            case MYSQL -> "mysql";
            case MARIADB -> "mariadb";
        };
    }
}
