package io.oxyde.exception;

import io.oxyde.driver.PoolSettings;

/**
 * A query returned more rows than the pool's {@link PoolSettings#maxResultRows()}. Reading
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
