package io.oxyde.query;

import io.oxyde.codec.Value;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * One SQL statement with {@code ?} placeholders and the typed values to bind, in placeholder
 * order. Values are already transformed (LIKE patterns escaped and wrapped, year bounds
 * computed); convert each with the dialect's {@code io.oxyde.dialect.internal.StorageFormat#bind} before {@code setObject}.
 *
 * @param sql the statement text; no value is ever inlined into it
 * @param binds one value per {@code ?}, in order
 * @param untyped the (0-based) bind positions whose text goes to PostgreSQL with an unspecified
 *     type, so that the server gives it the type of the column it is stored in or compared with
 *     (a native enum, say); empty for every other dialect. Shared, never modified.
 */
public record SqlStatement(String sql, List<Value> binds, BitSet untyped) {
    private static final BitSet NONE = new BitSet(0);

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        binds = List.copyOf(binds);
        untyped = untyped == null ? NONE : untyped;
    }

    public SqlStatement(String sql, List<Value> binds) {
        this(sql, binds, NONE);
    }
}
