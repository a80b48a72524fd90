package io.oxyde.codec;

import java.util.Objects;

/**
 * A column, optionally qualified by the alias of a join.
 *
 * <p>{@code source == null} means the query's own table; otherwise it names the
 * {@link Join#alias()} the column belongs to. Keeping the two parts apart (instead of a dotted
 * string) means the renderer quotes each part and an identifier may contain any character.
 *
 * @param source the join alias, or {@code null} for the query's main table
 * @param column the column name
 */
public record ColumnRef(String source, String column) {

    public ColumnRef {
        Objects.requireNonNull(column, "column");
    }

    /** A column of the query's main table. */
    public static ColumnRef of(String column) {
        return new ColumnRef(null, column);
    }

    /** A column of the joined relation with this alias. */
    public static ColumnRef of(String source, String column) {
        return new ColumnRef(source, column);
    }

    @Override
    public String toString() {
        return source == null ? column : source + "." + column;
    }
}
