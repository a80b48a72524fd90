package io.oxyde.driver;

/**
 * A write broke an integrity constraint; the subclasses say which kind, so callers can map
 * e.g. a unique violation to "already exists" without parsing messages.
 */
public class ConstraintViolation extends DatabaseException {

    private static final long serialVersionUID = 1L;

    public ConstraintViolation(String message, String pool, String sql, String sqlState, int vendorCode, Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }
}
