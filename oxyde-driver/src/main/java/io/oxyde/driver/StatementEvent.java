package io.oxyde.driver;

import io.oxyde.dialect.Dialect;

/**
 * What a {@link StatementObserver} learns about one statement: its shape, never its values, so
 * it is safe as a metric tag or span attribute.
 *
 * @param pool the pool name
 * @param dialect the database
 * @param operation the IR operation: {@code select}, {@code insert}, {@code update},
 *     {@code bulk_update}, {@code delete}, {@code raw} ({@code unknown} if the shape is not known)
 * @param model the model name the query is about, or {@code null} (raw SQL)
 * @param table the table the query is about, or {@code null} (raw SQL)
 * @param inTransaction whether it ran inside a transaction
 */
public record StatementEvent(String pool, Dialect dialect, String operation, String model, String table,
                             boolean inTransaction) {
}
