package io.oxyde.expression;

import io.oxyde.codec.ScalarFunction;

/** SQL {@code coalesce}: the first argument that is not NULL. */
public final class Coalesce {

    private Coalesce() {
    }

    /** The first non-NULL of the arguments (field paths, expressions, {@link Literal}s or numbers). */
    public static FunctionCall of(Object first, Object second, Object... more) {
        Object[] all = new Object[2 + more.length];
        all[0] = first;
        all[1] = second;
        System.arraycopy(more, 0, all, 2, more.length);
        return FunctionCall.of(ScalarFunction.COALESCE, all);
    }
}
