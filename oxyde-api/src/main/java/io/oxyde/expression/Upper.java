package io.oxyde.expression;

import io.oxyde.codec.ScalarFunction;

/** SQL {@code upper(text)}. */
public final class Upper {

    private Upper() {
    }

    /** The upper-case text of a field path or expression. */
    public static FunctionCall of(Object text) {
        return FunctionCall.of(ScalarFunction.UPPER, text);
    }
}
