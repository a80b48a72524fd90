package io.oxyde.exception;

/**
 * A CHECK constraint rejected a row (SQLSTATE 23514, SQLite 275, MySQL 3819, MariaDB 4025).
 */
public class CheckViolationException extends IntegrityViolationException {

    private static final long serialVersionUID = 1L;

    public CheckViolationException(String message, String pool, String sql, String sqlState, int vendorCode, Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }
}
