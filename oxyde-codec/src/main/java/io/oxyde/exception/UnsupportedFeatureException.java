package io.oxyde.exception;

import io.oxyde.dialect.Dialect;

/**
 * A well-formed query that uses a feature the target dialect does not have (e.g. a regex
 * lookup on SQLite, {@code UPDATE … RETURNING} on MariaDB). Thrown at render time, before any
 * SQL reaches the database, naming the feature and the dialect.
 */
public final class UnsupportedFeatureException extends RenderException {
    private static final long serialVersionUID = 1L;

    private final String feature;
    private final Dialect dialect;

    public UnsupportedFeatureException(String feature, Dialect dialect, String detail) {
        super(feature + " is not supported on " + dialect + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.feature = feature;
        this.dialect = dialect;
    }

    /** The refused feature, e.g. {@code "regex lookup"}. */
    public String feature() {
        return feature;
    }

    /** The dialect that lacks it. */
    public Dialect dialect() {
        return dialect;
    }
}
