package io.oxyde.codec;

import java.util.List;
import java.util.Objects;

/**
 * A join along a foreign key: {@code <kind> JOIN table AS alias ON left = alias.rightColumn}.
 *
 * <p>{@code left} may itself point at an earlier join's alias, which is how multi-hop
 * traversal ({@code album__artist__name}) is expressed.
 *
 * @param alias the alias of the joined table, unique in the query
 * @param table the joined table
 * @param kind INNER or LEFT
 * @param left the referencing column (main table or an earlier alias)
 * @param rightColumn the referenced column of the joined table, usually its primary key
 * @param columns columns of the joined table to select for eager loading; empty for none
 */
public record Join(String alias, String table, JoinKind kind, ColumnRef left, String rightColumn,
                   List<String> columns) {

    public Join {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(rightColumn, "rightColumn");
        columns = List.copyOf(columns);
    }
}
