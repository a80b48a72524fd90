package io.oxyde.exception;

/**
 * An error reported by the database for a statement, with the SQLSTATE and the vendor's error
 * code it was classified from. Subclasses name the cases callers act on (unique violation,
 * deadlock, lost connection, …); this class itself is everything else.
 */
public class DatabaseException extends OxydeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final int vendorCode;

    public DatabaseException(String message, String pool, String sql, String sqlState, int vendorCode,
                             Throwable cause) {
        super(message, pool, sql, cause);
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
    }

    /** The five-character SQLSTATE, or {@code null} when the driver gave none (SQLite). */
    public String sqlState() {
        return sqlState;
    }

    /**
     * The vendor's error code: the MySQL/MariaDB error number, the SQLite extended result
     * code, or 0.
     */
    public int vendorCode() {
        return vendorCode;
    }
}
