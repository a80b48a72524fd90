package io.oxyde.driver;

/**
 * A unique or primary-key constraint rejected a row (SQLSTATE 23505, SQLite 2067/1555,
 * MySQL 1062).
 */
public class UniqueViolation extends ConstraintViolation {

    private static final long serialVersionUID = 1L;

    public UniqueViolation(String message, String pool, String sql, String sqlState, int vendorCode, Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }
}
