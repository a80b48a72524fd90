package io.oxyde.driver;

/**
 * Watches every statement the driver runs: told when one starts and when it ends, with what it
 * was (operation, model, table, pool) and how it went. Metrics, tracing and profiling modules
 * ({@code oxyde-micrometer}, …) plug in here, so the core depends on no such library.
 *
 * <p>Why this shape: {@link #started} returns a context object (a span, a start sample) that
 * comes back in {@link #finished}, so an observer needs no thread-locals (the two calls happen
 * on the same worker thread, but an observer need not rely on it). No values ever reach an
 * observer, only the statement's shape.
 *
 * <p>Cost: with no observer registered the driver does one field read per statement. Both
 * methods run on the executor thread that runs the statement and must be quick and must not
 * throw (a thrown exception is ignored). Register with {@link PoolRegistry#observe}.
 */
public interface StatementObserver {

    /**
     * A statement is about to run (before a connection is taken for it, outside transactions).
     *
     * @return a context handed back to {@link #finished}, or {@code null}
     */
    default Object started(StatementEvent statement) {
        return null;
    }

    /**
     * The statement ended.
     *
     * @param context what {@link #started} returned
     * @param durationNanos time on the worker thread from start to end (connection wait,
     *     render, execution and reading the result)
     * @param error the failure, or {@code null} on success
     */
    void finished(StatementEvent statement, Object context, StatementOutcome outcome, long durationNanos,
                  Throwable error);
}
