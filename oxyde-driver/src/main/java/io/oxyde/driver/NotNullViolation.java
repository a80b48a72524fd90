package io.oxyde.driver;

/**
 * A NULL went into a NOT NULL column (SQLSTATE 23502, SQLite 1299, MySQL 1048).
 */
public class NotNullViolation extends ConstraintViolation {

    private static final long serialVersionUID = 1L;

    public NotNullViolation(String message, String pool, String sql, String sqlState, int vendorCode, Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }
}
