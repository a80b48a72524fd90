package io.oxyde.exception;


/**
 * A query returned more rows than the pool's {@code PoolSettings.maxResultRows()}. Reading
 * stopped at the first row beyond the limit, so the heap is safe; filter, paginate or stream
 * the query instead, or raise the setting.
 */
public class ResultTooLargeException extends OxydeException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    public ResultTooLargeException(String message, String pool, String sql, int limit) {
        super(message, pool, sql, null);
        this.limit = limit;
    }

    /** The limit that was exceeded. */
    public int limit() {
        return limit;
    }
}
