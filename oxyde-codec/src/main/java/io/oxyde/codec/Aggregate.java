package io.oxyde.codec;

import java.util.Objects;

/**
 * An aggregate in the select list, e.g. {@code SUM(total) AS total}. HAVING conditions and
 * ORDER BY terms refer to it by {@code alias}.
 *
 * @param function the aggregate function
 * @param column the argument, or {@code null} for {@code COUNT(*)}
 * @param distinct whether to aggregate distinct values only
 * @param alias the result column name
 */
public record Aggregate(AggregateFunction function, ColumnRef column, boolean distinct, String alias) {

    public Aggregate {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(alias, "alias");
        if (column == null && function != AggregateFunction.COUNT) {
            throw new IllegalArgumentException(function.wireName() + " needs a column");
        }
    }
}
