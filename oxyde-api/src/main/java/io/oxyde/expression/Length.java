package io.oxyde.expression;

import io.oxyde.codec.ScalarFunction;

/** The length of a text in characters ({@code char_length}, SQLite {@code length}). */
public final class Length {

    private Length() {
    }

    /** The number of characters of a field path or expression. */
    public static FunctionCall of(Object text) {
        return FunctionCall.of(ScalarFunction.LENGTH, text);
    }
}
