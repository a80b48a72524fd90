package io.oxyde.expression;

import io.oxyde.codec.WindowFunction;

/**
 * The window function {@code rank()}; use it as {@code Window.of(Rank.of()).partitionBy(...).orderBy(...)}.
 */
public final class Rank {

    private Rank() {
    }

    /**  the position within the partition in the window's order, ties sharing a rank and leaving gaps after them (1, 1, 3):the row's rank, for {@link Window#of(WindowedFunction)}. */
    public static WindowedFunction of() {
        return new WindowedFunction(WindowFunction.RANK, null, null);
    }
}
