package io.oxyde.driver;

/**
 * A foreign-key constraint rejected a write (SQLSTATE 23503, SQLite 787, MySQL 1451/1452).
 */
public class ForeignKeyViolation extends ConstraintViolation {

    private static final long serialVersionUID = 1L;

    public ForeignKeyViolation(String message, String pool, String sql, String sqlState, int vendorCode, Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }
}
