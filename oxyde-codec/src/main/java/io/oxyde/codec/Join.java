package io.oxyde.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A join along a foreign key: {@code <kind> JOIN table AS alias ON left = alias.rightColumn},
 * and for a multi-column foreign key {@code AND} each of {@code andOn}.
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
 * @param andOn further column pairs of a multi-column foreign key (protocol revision 1.4); empty for one column
 */
public record Join(String alias, String table, JoinKind kind, ColumnRef left, String rightColumn,
                   List<String> columns, List<JoinPair> andOn) {

    public Join {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(rightColumn, "rightColumn");
        columns = List.copyOf(columns);
        andOn = List.copyOf(andOn);
    }

    /** A join on one column pair. */
    public Join(String alias, String table, JoinKind kind, ColumnRef left, String rightColumn, List<String> columns) {
        this(alias, table, kind, left, rightColumn, columns, List.of());
    }

    /** Every column pair of the ON condition: the first, then {@link #andOn()}. */
    public List<JoinPair> pairs() {
        List<JoinPair> all = new ArrayList<>(1 + andOn.size());
        all.add(new JoinPair(left, rightColumn));
        all.addAll(andOn);
        return all;
    }
}
