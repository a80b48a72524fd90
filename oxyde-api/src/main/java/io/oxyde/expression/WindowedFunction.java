package io.oxyde.expression;

import io.oxyde.codec.WindowFunction;
import java.util.Objects;

/**
 * A function that only has a value over a window of rows — {@link RowNumber}, {@link Rank},
 * {@link DenseRank}, {@link Lag}, {@link Lead} — so it is not an {@link Expression} by itself:
 * {@link Window#of(WindowedFunction)} gives it its partitions and order.
 *
 * @param function the SQL window function
 * @param argument the value of {@code lag}/{@code lead} (a field path, or an expression), else
 *     {@code null}
 * @param offset how many rows back ({@code lag}) or ahead ({@code lead}), else {@code null}
 */
public record WindowedFunction(WindowFunction function, Object argument, Integer offset) {

    public WindowedFunction {
        Objects.requireNonNull(function, "function");
        if (function.takesOffset()) {
            Objects.requireNonNull(argument, () -> function.wireName() + " needs a field or expression");
            if (offset == null || offset < 0) {
                throw new IllegalArgumentException(function.wireName() + " needs an offset >= 0, got " + offset);
            }
        }
    }

    @Override
    public String toString() {
        return function.wireName() + "(" + (argument == null ? "" : argument + (offset == null ? "" : ", " + offset)) + ")";
    }
}
