package io.oxyde.expression;

import io.oxyde.codec.ScalarFunction;

/** SQL {@code substr}: part of a text, positions counting from 1. */
public final class Substr {

    private Substr() {
    }

    /** The text from position {@code start} to its end. */
    public static FunctionCall of(Object text, int start) {
        return FunctionCall.of(ScalarFunction.SUBSTR, text, start);
    }

    /** At most {@code length} characters from position {@code start}. */
    public static FunctionCall of(Object text, int start, int length) {
        return FunctionCall.of(ScalarFunction.SUBSTR, text, start, length);
    }
}
