package io.oxyde.exception;

/**
 * The database broke a deadlock by aborting this transaction (SQLSTATE 40P01, MySQL 1213);
 * retryable like a serialization failure.
 */
public class DeadlockException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    public DeadlockException(String message, String pool, String sql, String sqlState, int vendorCode, Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
