package io.oxyde.exception;

/** Any migration failure: invalid schema, unsupported change for a dialect, edited or missing file, failed SQL. */
public class MigrationException extends OxydeException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, null, null, cause);
    }
}
