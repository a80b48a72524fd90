package io.oxyde.query;

import io.oxyde.codec.Value;
import java.util.List;
import java.util.Objects;

/**
 * One SQL statement with {@code ?} placeholders and the typed values to bind, in placeholder
 * order. Values are already transformed (LIKE patterns escaped and wrapped, year bounds
 * computed); convert each with {@link JdbcValues#toJdbc} before {@code setObject}.
 *
 * @param sql the statement text; no value is ever inlined into it
 * @param binds one value per {@code ?}, in order
 */
public record SqlStatement(String sql, List<Value> binds) {
    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        binds = List.copyOf(binds);
    }
}
