package io.oxyde.expression;

import io.oxyde.codec.ScalarFunction;

/** SQL {@code lower(text)}: {@code annotate("lname", Lower.of("name"))}. */
public final class Lower {

    private Lower() {
    }

    /** The lower-case text of a field path or expression. */
    public static FunctionCall of(Object text) {
        return FunctionCall.of(ScalarFunction.LOWER, text);
    }
}
