package io.oxyde.exception;

/**
 * The database aborted a transaction that could not be serialized (SQLSTATE 40001; SQLite
 * SQLITE_BUSY_SNAPSHOT 517, a stale WAL snapshot trying to write); running
 * the whole transaction again may succeed, so it is retryable.
 */
public class SerializationFailureException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    public SerializationFailureException(String message, String pool, String sql, String sqlState, int vendorCode, Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
