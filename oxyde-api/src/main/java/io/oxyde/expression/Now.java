package io.oxyde.expression;

import io.oxyde.codec.ScalarFunction;

/** The database's current timestamp ({@code current_timestamp}). */
public final class Now {

    private Now() {
    }

    /** The current timestamp, read by the database. */
    public static FunctionCall of() {
        return FunctionCall.of(ScalarFunction.NOW);
    }
}
