package io.oxyde.expression;

import io.oxyde.codec.WindowFunction;

/**
 * The window function {@code dense_rank()}; use it as {@code Window.of(DenseRank.of()).partitionBy(...).orderBy(...)}.
 */
public final class DenseRank {

    private DenseRank() {
    }

    /**  as {@link Rank} without gaps after ties (1, 1, 2):the row's dense rank, for {@link Window#of(WindowedFunction)}. */
    public static WindowedFunction of() {
        return new WindowedFunction(WindowFunction.DENSE_RANK, null, null);
    }
}
