package io.oxyde.exception;

/**
 * The root of every error Oxyde's driver reports, so callers can catch one type and still
 * tell the cases apart by subclass (never by message text).
 *
 * <p>Each error carries the pool it happened on and the SQL text that failed (with {@code ?}
 * placeholders, never the bound values), when those are known.
 */
public class OxydeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pool;
    private final String sql;

    public OxydeException(String message, String pool, String sql, Throwable cause) {
        super(message, cause);
        this.pool = pool;
        this.sql = sql;
    }

    public OxydeException(String message) {
        this(message, null, null, null);
    }

    /** The pool the failing work ran on, or {@code null} if none was involved. */
    public String pool() {
        return pool;
    }

    /** The SQL that failed, with placeholders and without values, or {@code null}. */
    public String sql() {
        return sql;
    }

    /**
     * Whether running the same work again (in a new transaction) may succeed, e.g. after a
     * serialization failure or a deadlock.
     */
    public boolean isRetryable() {
        return false;
    }

    @Override
    public String getMessage() {
        String base = super.getMessage();
        StringBuilder b = new StringBuilder(base == null ? getClass().getSimpleName() : base);
        if (pool != null) {
            b.append(" [pool ").append(pool).append(']');
        }
        if (sql != null) {
            b.append(" [sql: ").append(sql.length() > 500 ? sql.substring(0, 500) + "…" : sql).append(']');
        }
        return b.toString();
    }
}
