package io.oxyde.driver.internal;

import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.DeleteIr;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.UpdateIr;
import io.oxyde.exception.OxydeException;
import io.oxyde.driver.StatementEnd;
import io.oxyde.driver.StatementEvent;
import io.oxyde.driver.StatementObserver;
import io.oxyde.driver.StatementOutcome;
import io.oxyde.dialect.Dialect;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Runs a task so a {@link StatementObserver} hears of its start and end. Without an observer
 * the task just runs, so unobserved pools pay nothing beyond the null check.
 */
public final class Observation {

    private Observation() {
    }

    /** What the observer captures on the submitting thread ({@code null} without an observer). */
    public static Object capture(StatementObserver observer) {
        if (observer == null) {
            return null;
        }
        try {
            return observer.capture();
        } catch (RuntimeException e) {
            return null; // an observer never breaks a statement
        }
    }

    /**
     * Runs {@code task} on the worker thread, observed as {@code ir} (its template: the shape,
     * no values); without an observer it just runs it.
     */
    public static <T> T run(StatementObserver observer, Object captured, ManagedPool pool, QueryIr ir,
                            boolean inTransaction, Work work, ManagedPool.Task<T> task) throws Exception {
        if (observer == null) {
            return task.run(work);
        }
        StatementEvent event = event(pool.name(), pool.dialect(), ir, inTransaction);
        Object context = null;
        try {
            context = observer.started(event, captured);
        } catch (RuntimeException ignored) {
            // as above
        }
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            return task.run(work);
        } catch (Exception e) {
            OxydeException translated = ErrorClassifier.translate(e, pool.dialect(), pool.name(), null, work.timedOut());
            failure = translated;
            throw translated;
        } catch (Error e) {
            failure = e;
            throw e;
        } finally {
            long nanos = System.nanoTime() - start;
            try {
                observer.finished(event, context, new StatementEnd(outcome(failure, work), nanos, work.sql(), failure));
            } catch (RuntimeException ignored) {
                // as above
            }
        }
    }

    static StatementOutcome outcome(Throwable failure, Work work) {
        if (failure == null) {
            return StatementOutcome.SUCCESS;
        }
        if (work.timedOut()) {
            return StatementOutcome.TIMEOUT;
        }
        if (work.isCancelled() || failure instanceof CancellationException) {
            return StatementOutcome.CANCELLED;
        }
        return StatementOutcome.ERROR;
    }

    /** The event for an IR: its operation, model and table (no values). */
    public static StatementEvent event(String pool, Dialect dialect, QueryIr ir, boolean inTransaction) {
        if (ir == null) {
            return new StatementEvent(pool, dialect, "unknown", null, null, inTransaction);
        }
        String op = ir.operation().wireName();
        if (ir instanceof SelectIr s) {
            return new StatementEvent(pool, dialect, op, s.model(), s.table(), inTransaction);
        }
        if (ir instanceof InsertIr i) {
            return new StatementEvent(pool, dialect, op, i.model(), i.table(), inTransaction);
        }
        if (ir instanceof UpdateIr u) {
            return new StatementEvent(pool, dialect, op, u.model(), u.table(), inTransaction);
        }
        if (ir instanceof BulkUpdateIr b) {
            return new StatementEvent(pool, dialect, op, b.model(), b.table(), inTransaction);
        }
        if (ir instanceof DeleteIr d) {
            return new StatementEvent(pool, dialect, op, d.model(), d.table(), inTransaction);
        }
        return new StatementEvent(pool, dialect, op, null, null, inTransaction); // RawIr
    }

    /** Several observers as one: each hears every statement, contexts kept apart. */
    public static StatementObserver all(List<StatementObserver> observers) {
        if (observers.isEmpty()) {
            return null;
        }
        if (observers.size() == 1) {
            return observers.get(0);
        }
        StatementObserver[] each = observers.toArray(new StatementObserver[0]);
        return new StatementObserver() {
            @Override
            public Object capture() {
                Object[] captured = new Object[each.length];
                for (int i = 0; i < each.length; i++) {
                    try {
                        captured[i] = each[i].capture();
                    } catch (RuntimeException ignored) {
                        // one observer's failure is not the others'
                    }
                }
                return captured;
            }

            @Override
            public Object started(StatementEvent statement, Object captured) {
                Object[] parents = (Object[]) captured;
                Object[] contexts = new Object[each.length];
                for (int i = 0; i < each.length; i++) {
                    try {
                        contexts[i] = each[i].started(statement, parents[i]);
                    } catch (RuntimeException ignored) {
                        // one observer's failure is not the others'
                    }
                }
                return contexts;
            }

            @Override
            public void finished(StatementEvent statement, Object context, StatementEnd end) {
                Object[] contexts = (Object[]) context;
                for (int i = 0; i < each.length; i++) {
                    try {
                        each[i].finished(statement, contexts[i], end);
                    } catch (RuntimeException ignored) {
                        // as above
                    }
                }
            }
        };
    }
}
