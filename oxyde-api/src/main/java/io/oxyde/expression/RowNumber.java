package io.oxyde.expression;

import io.oxyde.codec.WindowFunction;

/**
 * The window function {@code row_number()}; use it as {@code Window.of(RowNumber.of()).partitionBy(...).orderBy(...)}.
 */
public final class RowNumber {

    private RowNumber() {
    }

    /**  1, 2, 3 … within each partition, in the window's order (ties numbered arbitrarily, so order by something unique):the row's number, for {@link Window#of(WindowedFunction)}. */
    public static WindowedFunction of() {
        return new WindowedFunction(WindowFunction.ROW_NUMBER, null, null);
    }
}
