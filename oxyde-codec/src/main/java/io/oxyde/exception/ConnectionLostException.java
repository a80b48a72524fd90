package io.oxyde.exception;

/**
 * The connection broke under a statement (SQLSTATE class 08, 57P01 admin shutdown, MySQL
 * communications failure, MariaDB 1927). The connection is evicted from the pool; later work\n * gets a fresh one. Whether the statement took effect is unknown.
 */
public class ConnectionLostException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String message, String pool, String sql, String sqlState, int vendorCode, Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }
}
