package io.oxyde.exception;

/**
 * A write broke an integrity constraint; the subclasses say which kind, so callers can map
 * e.g. a unique violation to "already exists" without parsing messages.
 */
public class IntegrityViolationException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    private volatile int failedRow = -1;
    private volatile int insertedRows;

    public IntegrityViolationException(String message, String pool, String sql, String sqlState, int vendorCode, Throwable cause) {
        super(message, pool, sql, sqlState, vendorCode, cause);
    }

    /**
     * For a multi-row insert, the 0-based index of the first row that breaks the constraint,
     * or -1 when unknown (a single-row statement, or an insert the driver did not probe). The
     * driver finds it after the failure by re-running prefixes of the insert under a
     * savepoint that it rolls back (see {@code docs/reliability.md}).
     */
    public int failedRow() {
        return failedRow;
    }

    /** The number of rows of the insert that failed, when {@link #failedRow()} is known; else 0. */
    public int insertedRows() {
        return insertedRows;
    }

    /** Records which row of a multi-row insert failed; called by the driver before it reports the error. */
    public IntegrityViolationException atRow(int index, int rows) {
        this.failedRow = index;
        this.insertedRows = rows;
        return this;
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        int row = failedRow;
        return row < 0 ? message
                : "row " + row + " (0-based) of the " + insertedRows + "-row insert: " + message;
    }
}
