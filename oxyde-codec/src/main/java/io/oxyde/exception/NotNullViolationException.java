package io.oxyde.exception;

/**
 * A NULL went into a NOT NULL column (SQLSTATE 23502, SQLite 1299, MySQL 1048).
 */
public class NotNullViolationException extends IntegrityViolationException {

    private static final long serialVersionUID = 1L;

    public NotNullViolationException(String message, String pool, String sql, String sqlState, int vendorCode, Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }
}
