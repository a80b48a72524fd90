package io.oxyde.expression;

import io.oxyde.codec.ScalarFunction;

/**
 * A part of a date or timestamp as an integer (SQL {@code extract}; SQLite {@code strftime}):
 * {@code annotate("year", Extract.of("invoiceDate", Extract.Part.YEAR))}, which also groups:
 * {@code .values("year").annotate("total", Sum.of("total"))}.
 */
public final class Extract {

    /** The part to extract. */
    public enum Part {
        YEAR(ScalarFunction.EXTRACT_YEAR),
        MONTH(ScalarFunction.EXTRACT_MONTH),
        DAY(ScalarFunction.EXTRACT_DAY),
        HOUR(ScalarFunction.EXTRACT_HOUR),
        /** 1 = Sunday … 7 = Saturday, as Django's {@code week_day}. */
        WEEK_DAY(ScalarFunction.EXTRACT_WEEK_DAY);

        private final ScalarFunction function;

        Part(ScalarFunction function) {
            this.function = function;
        }
    }

    private Extract() {
    }

    /** The {@code part} of a date or timestamp field path or expression. */
    public static FunctionCall of(Object date, Part part) {
        return FunctionCall.of(part.function, date);
    }
}
