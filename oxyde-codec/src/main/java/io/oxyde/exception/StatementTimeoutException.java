package io.oxyde.exception;

/**
 * A statement ran longer than its timeout and was cancelled (Oxyde's statement timeout,
 * SQLSTATE 57014, MySQL 3024, MariaDB 1969, SQLite interrupt), or waited too long for a lock\n * (SQLite busy, MySQL 1205, PostgreSQL 55P03).
 */
public class StatementTimeoutException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    public StatementTimeoutException(String message, String pool, String sql, String sqlState, int vendorCode, Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }
}
