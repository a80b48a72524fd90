package io.oxyde.codec;

import java.util.Objects;

/**
 * One ORDER BY term. The column may name an aggregate alias of the same query.
 *
 * @param column the column, or {@code null} when {@code direction} is {@link Direction#RANDOM}
 * @param direction ascending, descending or random
 * @param kind the kind of the column's values when the sender knows it and it matters for
 *     ordering a stored form (times and decimals on SQLite, where they are text), else
 *     {@code null}. Since revision 1.2
 */
public record OrderBy(ColumnRef column, Direction direction, ValueKind kind) {

    public OrderBy(ColumnRef column, Direction direction) {
        this(column, direction, null);
    }

    public OrderBy {
        Objects.requireNonNull(direction, "direction");
        if (direction != Direction.RANDOM) {
            Objects.requireNonNull(column, "column");
        }
    }

    public static OrderBy asc(String column) {
        return new OrderBy(ColumnRef.of(column), Direction.ASC);
    }

    public static OrderBy desc(String column) {
        return new OrderBy(ColumnRef.of(column), Direction.DESC);
    }

    public static OrderBy random() {
        return new OrderBy(null, Direction.RANDOM);
    }
}
