package io.oxyde.expression;

import io.oxyde.codec.ScalarFunction;

/**
 * A date-time field truncated to the start of a unit (Django's {@code Trunc}; PostgreSQL's
 * {@code date_trunc}): {@code Trunc.of("invoiceDate", Trunc.Part.YEAR)} is 2009-01-01T00:00 for
 * every invoice of 2009, a {@code LocalDateTime} on every dialect. Group by it
 * ({@code annotate("year", Trunc.of(...)).values("year").annotate("total", Sum.of("total"))}),
 * filter and order on it, or compare a field with it. It takes {@code LocalDateTime} fields only:
 * an instant's truncation depends on a time zone the databases disagree on, and a date's parts
 * are {@link Extract}'s.
 */
public final class Trunc {

    /** The unit to truncate to. */
    public enum Part {
        YEAR(ScalarFunction.TRUNC_YEAR),
        MONTH(ScalarFunction.TRUNC_MONTH),
        DAY(ScalarFunction.TRUNC_DAY),
        HOUR(ScalarFunction.TRUNC_HOUR),
        MINUTE(ScalarFunction.TRUNC_MINUTE);

        private final ScalarFunction function;

        Part(ScalarFunction function) {
            this.function = function;
        }
    }

    private Trunc() {
    }

    /** {@code dateTime} (a field path or an expression yielding a date-time) truncated to {@code part}. */
    public static FunctionCall of(Object dateTime, Part part) {
        return FunctionCall.of(part.function, dateTime);
    }
}
