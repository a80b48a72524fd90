package io.oxyde.exception;

/**
 * A foreign-key constraint rejected a write (SQLSTATE 23503, SQLite 787, MySQL 1451/1452).
 */
public class ForeignKeyViolationException extends IntegrityViolationException {

    private static final long serialVersionUID = 1L;

    public ForeignKeyViolationException(String message, String pool, String sql, String sqlState, int vendorCode, Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }
}
