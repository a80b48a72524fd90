package io.oxyde.codec;

import java.util.Objects;

/**
 * One further column pair of a {@link Join} along a multi-column foreign key (a reference to a
 * composite primary key): {@code left = alias.rightColumn}, ANDed with the join's first pair.
 *
 * @param left the referencing column (main table or an earlier alias)
 * @param rightColumn the referenced column of the joined table
 */
public record JoinPair(ColumnRef left, String rightColumn) {

    public JoinPair {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(rightColumn, "rightColumn");
    }
}
