package io.oxyde.expression;

import io.oxyde.codec.ScalarFunction;

/** SQL {@code round}: a number rounded half away from zero (decimals compared as numbers on SQLite). */
public final class Round {

    private Round() {
    }

    /** Rounded to an integer. */
    public static FunctionCall of(Object number) {
        return FunctionCall.of(ScalarFunction.ROUND, number);
    }

    /** Rounded to {@code places} digits after the point. */
    public static FunctionCall of(Object number, int places) {
        return FunctionCall.of(ScalarFunction.ROUND, number, places);
    }
}
