package io.oxyde;

/**
 * The form of a plan from {@link Query#explain(boolean, ExplainFormat)}: the database's own
 * text, or JSON (one line holding the whole document) where the database writes it —
 * PostgreSQL ({@code FORMAT JSON}), MySQL and MariaDB ({@code FORMAT=JSON}); SQLite has only its
 * text query plan and refuses JSON.
 */
public enum ExplainFormat {
    /** The database's text plan, one line per row it returns. */
    TEXT,
    /** The plan as one JSON document. */
    JSON
}
