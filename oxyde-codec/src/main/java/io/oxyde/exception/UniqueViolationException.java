package io.oxyde.exception;

/**
 * A unique or primary-key constraint rejected a row (SQLSTATE 23505, SQLite 2067/1555,
 * MySQL 1062).
 */
public class UniqueViolationException extends IntegrityViolationException {

    private static final long serialVersionUID = 1L;

    public UniqueViolationException(String message, String pool, String sql, String sqlState, int vendorCode, Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }
}
