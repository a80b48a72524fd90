package io.oxyde.codec;

import java.util.Objects;

/**
 * One ORDER BY term. The column may name an aggregate or annotation alias of the same query.
 *
 * @param column the column, or {@code null} when {@code direction} is {@link Direction#RANDOM}
 *     or the term is an expression
 * @param direction ascending, descending or random
 * @param kind the kind of the column's values when the sender knows it and it matters for
 *     ordering a stored form (times and decimals on SQLite, where they are text), else
 *     {@code null}. Since revision 1.2
 * @param expr an expression to order by instead of a column (protocol revision 1.2), or
 *     {@code null}
 */
public record OrderBy(ColumnRef column, Direction direction, ValueKind kind, Expr expr) {

    /** A column term whose stored form orders by {@code kind}. */
    public OrderBy(ColumnRef column, Direction direction, ValueKind kind) {
        this(column, direction, kind, null);
    }

    public OrderBy {
        Objects.requireNonNull(direction, "direction");
        if (direction != Direction.RANDOM && expr == null) {
            Objects.requireNonNull(column, "column");
        }
        if (expr != null && (column != null || direction == Direction.RANDOM)) {
            throw new IllegalArgumentException("an expression term has no column and is not random");
        }
    }

    /** A column term (or a random one, column {@code null}). */
    public OrderBy(ColumnRef column, Direction direction) {
        this(column, direction, null, null);
    }

    /** A term ordering by an expression. */
    public static OrderBy of(Expr expr, Direction direction) {
        return new OrderBy(null, direction, null, Objects.requireNonNull(expr, "expr"));
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
