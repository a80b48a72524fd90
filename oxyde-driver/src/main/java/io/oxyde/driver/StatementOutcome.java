package io.oxyde.driver;

/**
 * How a statement ended, coarse enough to be a metric tag: the exception itself goes to
 * {@link StatementObserver#finished} beside it.
 */
public enum StatementOutcome {
    /** It completed. */
    SUCCESS,
    /** It failed (a database error, a constraint, a lost connection, invalid input …). */
    ERROR,
    /** It ran past the statement timeout and was cancelled. */
    TIMEOUT,
    /** The caller cancelled its future. */
    CANCELLED;

    /** The tag value: lower case. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
