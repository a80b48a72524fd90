package io.oxyde.query;

import java.util.List;
import java.util.Objects;

/**
 * The SQL for one IR on one dialect: usually a single statement; a bulk insert too large for
 * the dialect's bind-parameter limit becomes several statements, executed in order (in one
 * transaction, if the caller wants atomicity).
 *
 * @param statements the statements, at least one
 * @param resultKind how to execute each statement and what to read back
 * @param generatedKeyColumns for {@link ResultKind#UPDATE_COUNT_AND_GENERATED_KEYS}: the
 *     columns to request from {@code getGeneratedKeys()}; otherwise the RETURNING columns or empty
 */
public record RenderedQuery(List<SqlStatement> statements, ResultKind resultKind, List<String> generatedKeyColumns) {
    public RenderedQuery {
        statements = List.copyOf(statements);
        Objects.requireNonNull(resultKind, "resultKind");
        generatedKeyColumns = List.copyOf(generatedKeyColumns);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a rendered query has at least one statement");
        }
    }

    /** The only statement; fails if the query was chunked into several. */
    public SqlStatement single() {
        if (statements.size() != 1) {
            throw new IllegalStateException("query was rendered as " + statements.size() + " statements");
        }
        return statements.get(0);
    }
}
