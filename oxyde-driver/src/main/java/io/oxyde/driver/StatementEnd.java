package io.oxyde.driver;

import io.oxyde.exception.OxydeException;

/**
 * How one statement ended, as a {@link StatementObserver} hears it.
 *
 * @param outcome success, error, timeout or cancelled
 * @param durationNanos time on the worker thread from start to end (connection wait,
 *     execution and reading the result)
 * @param sql the SQL the driver ran, with {@code ?} placeholders and never values (the first
 *     statement when the query was split into several); {@code null} when it failed before
 *     the statement was prepared
 * @param error the failure (an {@link OxydeException} for database errors), or {@code null}
 */
public record StatementEnd(StatementOutcome outcome, long durationNanos, String sql, Throwable error) {
}
