package io.oxyde.exception;

import io.oxyde.exception.DatabaseException;

/**
 * The database refused a write because the transaction or the server is read-only (SQLSTATE
 * 25006: a {@code readOnly} transaction, or a PostgreSQL hot standby; MySQL 1792 / 1836). Not
 * retryable: running the same write on the same server fails the same way. With replicas
 * configured it means a write reached a replica, which routing never does
 * ({@code docs/scale-out.md}).
 */
public class ReadOnlyTransactionException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    public ReadOnlyTransactionException(String message, String pool, String sql, String sqlState, int vendorCode,
                                        Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }
}
