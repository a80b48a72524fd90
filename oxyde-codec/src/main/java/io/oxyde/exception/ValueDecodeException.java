package io.oxyde.exception;

import io.oxyde.codec.ValueKind;

/**
 * A column value could not be read as the kind the caller expected, e.g. SQLite text that is
 * not an ISO-8601 date. Oxyde fails loudly here instead of returning NULL, because a silent
 * NULL is data loss.
 */
public class ValueDecodeException extends OxydeException {

    private static final long serialVersionUID = 1L;

    private final String column;
    private final ValueKind expected;

    public ValueDecodeException(String message, String pool, String sql, String column, ValueKind expected,
                                Throwable cause) {
        super(message, pool, sql, cause);
        this.column = column;
        this.expected = expected;
    }

    /** The column label. */
    public String column() {
        return column;
    }

    /** The kind that was asked for. */
    public ValueKind expected() {
        return expected;
    }
}
