package io.oxyde.expression;

import io.oxyde.codec.ScalarFunction;

/** SQL {@code trim(text)}: without leading and trailing spaces. */
public final class Trim {

    private Trim() {
    }

    /** The trimmed text of a field path or expression. */
    public static FunctionCall of(Object text) {
        return FunctionCall.of(ScalarFunction.TRIM, text);
    }
}
