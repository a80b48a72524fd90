package io.oxyde.driver;

/**
 * A CHECK constraint rejected a row (SQLSTATE 23514, SQLite 275, MySQL 3819, MariaDB 4025).
 */
public class CheckViolation extends ConstraintViolation {

    private static final long serialVersionUID = 1L;

    public CheckViolation(String message, String pool, String sql, String sqlState, int vendorCode, Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }
}
