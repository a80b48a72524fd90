package io.oxyde.expression;

import io.oxyde.codec.WindowFunction;

/**
 * The window function {@code lag(value, offset)}: {@code value} on the row {@code offset} rows
 * before this one in the window's order, NULL where the partition has none. There is no default
 * argument, because MariaDB has none: wrap it, {@code Coalesce.of(Window.of(Lag.of("total"))
 * .orderBy("id"), 0)}, where the value itself cannot be NULL.
 */
public final class Lag {

    private Lag() {
    }

    /** The previous row's {@code value} (a field path, which may cross foreign keys, or an expression). */
    public static WindowedFunction of(Object value) {
        return of(value, 1);
    }

    /** {@code value} {@code offset} rows back ({@code offset} >= 0; 0 is this row). */
    public static WindowedFunction of(Object value, int offset) {
        return new WindowedFunction(WindowFunction.LAG, value, offset);
    }
}
