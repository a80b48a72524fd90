package io.oxyde.driver;

/**
 * Watches every statement the driver runs: told when one starts and when it ends, with what it
 * was (operation, model, table, pool) and how it went. Metrics, tracing and profiling modules
 * ({@code oxyde-micrometer}, …) plug in here, so the core depends on no such library.
 *
 * <p>Why this shape: statements run on executor threads, not the caller's, so
 * {@link #capture()} runs on the submitting thread and {@link #started} receives what it
 * captured (a tracing parent); {@link #started} returns a context (a span, a start sample)
 * that comes back in {@link #finished}. No observer needs thread-locals, and no values ever
 * reach one, only the statement's shape and SQL with placeholders.
 *
 * <p>Cost: with no observer registered the driver does one field read per statement.
 * {@link #started} and {@link #finished} run on the executor thread that runs the statement and must be quick and must not
 * throw (a thrown exception is ignored). Register with {@link PoolRegistry#observe}.
 */
public interface StatementObserver {

    /**
     * Called on the thread that submits the statement (the application's, or a future's
     * callback), before it is queued: the place to capture what is bound to that thread, such
     * as the current tracing context, since the statement runs on another thread. Must be
     * cheap; nothing is guaranteed to follow (a saturated pool refuses the statement).
     *
     * @return what {@link #started} receives, or {@code null}
     */
    default Object capture() {
        return null;
    }

    /**
     * A statement is about to run on its worker thread (before a connection is taken for it,
     * outside transactions).
     *
     * @param captured what {@link #capture()} returned on the submitting thread
     * @return a context handed back to {@link #finished}, or {@code null}
     */
    default Object started(StatementEvent statement, Object captured) {
        return null;
    }

    /**
     * The statement ended.
     *
     * @param context what {@link #started} returned
     */
    void finished(StatementEvent statement, Object context, StatementEnd end);
}
