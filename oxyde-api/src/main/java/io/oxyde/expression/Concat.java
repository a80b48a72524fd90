package io.oxyde.expression;

import io.oxyde.codec.ScalarFunction;

/** Texts joined ({@code ||}, MySQL/MariaDB {@code concat}); NULL when any part is NULL (wrap a nullable part in {@link Coalesce}). */
public final class Concat {

    private Concat() {
    }

    /** The parts (field paths, expressions, {@link Literal}s) as one text. */
    public static FunctionCall of(Object first, Object second, Object... more) {
        Object[] all = new Object[2 + more.length];
        all[0] = first;
        all[1] = second;
        System.arraycopy(more, 0, all, 2, more.length);
        return FunctionCall.of(ScalarFunction.CONCAT, all);
    }
}
