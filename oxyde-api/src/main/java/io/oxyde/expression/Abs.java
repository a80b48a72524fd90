package io.oxyde.expression;

import io.oxyde.codec.ScalarFunction;

/** SQL {@code abs}: the absolute value of a number. */
public final class Abs {

    private Abs() {
    }

    /** The absolute value of a field path or expression. */
    public static FunctionCall of(Object number) {
        return FunctionCall.of(ScalarFunction.ABS, number);
    }
}
