package io.oxyde.driver.internal;

import io.oxyde.driver.RowSink;

import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.ResultFrame;
import io.oxyde.codec.ValueKind;
import io.oxyde.exception.ConnectionLostException;
import io.oxyde.exception.IntegrityViolationException;
import io.oxyde.exception.OxydeException;
import io.oxyde.driver.OxydeFuture;
import io.oxyde.driver.StatementObserver;
import io.oxyde.exception.TransactionState;
import io.oxyde.exception.TransactionStateException;
import io.oxyde.driver.TxOptions;
import io.oxyde.dialect.Dialect;
import io.oxyde.query.RenderedQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One open transaction: its connection, state and savepoints, and a serial queue so that its
 * statements run one after another even when submitted concurrently (a JDBC connection is not
 * safe for concurrent use). Each operation starts only after the previous one finished,
 * whether it succeeded, failed or was cancelled.
 */
public final class Transaction {

    private static final Pattern SAVEPOINT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final long id;
    private final ManagedPool pool;
    private final Connection connection;
    private final boolean sqliteReadOnly;
    private final TransactionRegistry registry;
    private final Map<String, Savepoint> savepoints = new LinkedHashMap<>();
    private final AtomicBoolean released = new AtomicBoolean();

    // guarded by this
    private TransactionState state = TransactionState.ACTIVE;
    private String endReason;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private int inFlight;
    private long lastActivity = System.nanoTime();

    Transaction(long id, ManagedPool pool, Connection connection, boolean sqliteReadOnly, TransactionRegistry registry) {
        this.id = id;
        this.pool = pool;
        this.connection = connection;
        this.sqliteReadOnly = sqliteReadOnly;
        this.registry = registry;
    }

    public long id() {
        return id;
    }

    public ManagedPool pool() {
        return pool;
    }

    public synchronized TransactionState state() {
        return state;
    }

    /** Opens a transaction on {@code c}: isolation, read-only, then autocommit off. */
    static boolean configure(Connection c, TxOptions options, Dialect dialect) throws SQLException {
        return configure(c, options, dialect, false);
    }

    /**
     * {@link #configure(Connection, TxOptions, Dialect)}; behind a transaction-mode pooler
     * ({@code pooled}) PostgreSQL's isolation is set inside the transaction instead of as session
     * state (pgjdbc's setTransactionIsolation is a SET SESSION sent outside any transaction, which
     * the pooler may run on a server connection another client gets next).
     */
    static boolean configure(Connection c, TxOptions options, Dialect dialect, boolean pooled) throws SQLException {
        if (pooled && dialect == Dialect.POSTGRES) {
            if (options.readOnly()) {
                c.setReadOnly(true); // pgjdbc sends BEGIN READ ONLY: no session state
            }
            c.setAutoCommit(false);
            if (options.isolation().jdbcLevel() >= 0) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION ISOLATION LEVEL " + options.isolation().name().replace('_', ' '));
                }
            }
            return false;
        }
        boolean sqliteReadOnly = false;
        if (options.isolation().jdbcLevel() >= 0 && dialect != Dialect.SQLITE) {
            c.setTransactionIsolation(options.isolation().jdbcLevel());
        }
        if (options.readOnly()) {
            if (dialect == Dialect.SQLITE) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA query_only = 1");
                }
                sqliteReadOnly = true;
            } else {
                c.setReadOnly(true);
            }
        }
        c.setAutoCommit(false);
        return sqliteReadOnly;
    }

    /**
     * Decodes, binds and runs an IR message in this transaction. A multi-row insert runs under
     * a savepoint: if it fails, it leaves none of its rows behind (even when it was split into
     * several statements), the transaction stays usable, and a constraint violation names the
     * first failing row.
     */
    public CompletableFuture<ResultFrame> execute(byte[] message, List<ValueKind> expected) {
        return execute(message, new RowSetSink(expected));
    }

    /** {@link #execute(byte[], List)} with the rows going to {@code sink} as they are read. */
    public CompletableFuture<ResultFrame> execute(byte[] message, RowSink sink) {
        StatementObserver observer = pool.observer();
        Object captured = Observation.capture(observer);
        return enqueue(false, work -> {
            ManagedPool.BoundMessage m = pool.bindMessage(message);
            return Observation.run(observer, captured, pool, m.template(), true, work,
                    w -> runBound(m, message, sink, w));
        });
    }

    private ResultFrame runBound(ManagedPool.BoundMessage m, byte[] message, RowSink sink, Work work)
            throws SQLException {
        RenderedQuery q = m.query();
        QueryIr template = m.template();
        boolean bulk = InsertLocator.multiRow(template) != null;
        Savepoint before = null;
        try {
            if (bulk) {
                before = connection.setSavepoint();
            }
            ResultFrame frame = pool.runner().run(connection, q, sink, work, ManagedPool.fixedColumns(template));
            if (before != null) {
                connection.releaseSavepoint(before);
            }
            return frame;
        } catch (SQLException e) {
            OxydeException error = ErrorClassifier.inTransaction(ErrorClassifier.translate(e, pool.dialect(),
                    pool.name(), q.statements().get(0).sql(), work.timedOut()), pool.dialect());
            if (before != null && !(error instanceof ConnectionLostException)) {
                try {
                    connection.rollback(before);
                    if (error instanceof IntegrityViolationException) {
                        // the rows themselves, decoded again on this failure path only
                        InsertIr rows = InsertLocator.multiRow(IrCodec.decode(message));
                        InsertLocator.locate(connection, rows, (IntegrityViolationException) error, pool, work);
                    }
                    connection.releaseSavepoint(before);
                } catch (SQLException undo) {
                    error.addSuppressed(undo);
                }
            }
            throw failIfLost(error);
        }
    }

    public CompletableFuture<Void> commit() {
        return enqueue(true, work -> {
            try {
                connection.commit();
            } catch (SQLException e) {
                boolean rolledBack = ManagedPool.rollbackQuietly(connection);
                OxydeException error = ErrorClassifier.translate(e, pool.dialect(), pool.name(), "COMMIT", false);
                end(TransactionState.FAILED, "its commit failed: " + error.getMessage(),
                        error instanceof ConnectionLostException || !rolledBack);
                throw error;
            }
            end(TransactionState.COMMITTED, "it was committed", false);
            return null;
        });
    }

    public CompletableFuture<Void> rollback() {
        return enqueue(true, work -> {
            rollbackAndEnd(TransactionState.ROLLED_BACK, "it was rolled back");
            return null;
        });
    }

    public CompletableFuture<Void> savepoint(String name) {
        String checked = checkName(name);
        return enqueue(false, work -> {
            try {
                synchronized (this) {
                    savepoints.remove(checked);
                }
                Savepoint sp = connection.setSavepoint(checked);
                synchronized (this) {
                    savepoints.put(checked, sp);
                }
                return null;
            } catch (SQLException e) {
                throw failIfLost(ErrorClassifier.translate(e, pool.dialect(), pool.name(), "SAVEPOINT " + checked, false));
            }
        });
    }

    public CompletableFuture<Void> rollbackTo(String name) {
        String checked = checkName(name);
        return enqueue(false, work -> {
            Savepoint sp = savepointNamed(checked);
            try {
                connection.rollback(sp);
                synchronized (this) {
                    dropAfter(checked, false);
                }
                return null;
            } catch (SQLException e) {
                throw failIfLost(ErrorClassifier.translate(e, pool.dialect(), pool.name(),
                        "ROLLBACK TO SAVEPOINT " + checked, false));
            }
        });
    }

    public CompletableFuture<Void> release(String name) {
        String checked = checkName(name);
        return enqueue(false, work -> {
            Savepoint sp = savepointNamed(checked);
            try {
                connection.releaseSavepoint(sp);
                synchronized (this) {
                    dropAfter(checked, true);
                }
                return null;
            } catch (SQLException e) {
                throw failIfLost(ErrorClassifier.translate(e, pool.dialect(), pool.name(),
                        "RELEASE SAVEPOINT " + checked, false));
            }
        });
    }

    private String checkName(String name) {
        if (name == null || !SAVEPOINT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid savepoint name '" + name
                    + "': use letters, digits and underscores, starting with a letter or underscore");
        }
        return name;
    }

    private synchronized Savepoint savepointNamed(String name) {
        Savepoint sp = savepoints.get(name);
        if (sp == null) {
            throw new TransactionStateException("transaction " + id + " has no savepoint '" + name + "'; it has "
                    + (savepoints.isEmpty() ? "none" : String.join(", ", savepoints.keySet())), pool.name(), id, state);
        }
        return sp;
    }

    private void dropAfter(String name, boolean inclusive) {
        List<String> names = new ArrayList<>(savepoints.keySet());
        int at = names.indexOf(name);
        for (int i = inclusive ? at : at + 1; i < names.size(); i++) {
            savepoints.remove(names.get(i));
        }
    }

    private OxydeException failIfLost(OxydeException error) {
        if (error instanceof ConnectionLostException) {
            end(TransactionState.FAILED, "its connection was lost: " + error.getMessage(), true);
        }
        return error;
    }

    /**
     * Appends an operation to the serial queue. Refused at once if the transaction has ended;
     * re-checked when it runs, because an earlier queued operation may have ended it.
     */
    private <T> CompletableFuture<T> enqueue(boolean ends, ManagedPool.Task<T> op) {
        CompletableFuture<T> result = new OxydeFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous;
        synchronized (this) {
            if (state != TransactionState.ACTIVE) {
                result.completeExceptionally(endedError());
                return result;
            }
            inFlight++;
            previous = tail;
            tail = done;
        }
        ManagedPool.Task<T> guarded = work -> {
            synchronized (this) {
                if (state != TransactionState.ACTIVE) {
                    throw endedError();
                }
            }
            return op.run(work);
        };
        Runnable after = () -> {
            synchronized (this) {
                inFlight--;
                lastActivity = System.nanoTime();
            }
            done.complete(null);
        };
        previous.whenComplete((r, e) -> pool.submitTx(guarded, result, after));
        return result;
    }

    synchronized TransactionStateException endedError() {
        return new TransactionStateException(endedMessage(), pool.name(), id, state);
    }

    synchronized String endedMessage() {
        return "transaction " + id + " has ended (" + state + "): " + endReason;
    }

    /**
     * Called by the reaper: if the transaction is idle (nothing queued or running) since
     * {@code idleNanos}, marks it timed out and rolls it back on the transaction lane.
     */
    boolean reapIfIdle(long now, long idleNanos) {
        synchronized (this) {
            if (state != TransactionState.ACTIVE || inFlight > 0 || now - lastActivity < idleNanos) {
                return false;
            }
            state = TransactionState.TIMED_OUT;
            endReason = "it was rolled back by the reaper after staying idle longer than the transaction timeout ("
                    + pool.settings().timeouts().transaction() + ")";
        }
        CompletableFuture<Void> rolledBack = new CompletableFuture<>();
        pool.submitTx(work -> {
            release(TransactionState.TIMED_OUT, true, false);
            return null;
        }, rolledBack, null);
        rolledBack.whenComplete((r, e) -> {
            if (e != null) {
                release(TransactionState.TIMED_OUT, true, false);
            }
        });
        return true;
    }

    /** Ends the transaction at once: its pool is closing, or its begin() was cancelled. */
    void abandon() {
        synchronized (this) {
            if (state != TransactionState.ACTIVE) {
                return;
            }
            state = TransactionState.FAILED;
            endReason = "it was abandoned (its pool was closed or its begin was cancelled)";
        }
        release(TransactionState.FAILED, true, false);
    }

    private void rollbackAndEnd(TransactionState to, String reason) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            OxydeException error = ErrorClassifier.translate(e, pool.dialect(), pool.name(), "ROLLBACK", false);
            end(TransactionState.FAILED, "its rollback failed: " + error.getMessage(), true);
            throw error;
        }
        end(to, reason, false);
    }

    private void end(TransactionState to, String reason, boolean evict) {
        synchronized (this) {
            if (state == TransactionState.ACTIVE) {
                state = to;
                endReason = reason;
            }
        }
        release(to, false, evict);
    }

    /** Returns the connection to the pool exactly once. */
    private void release(TransactionState finalState, boolean rollbackFirst, boolean evict) {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        try {
            if (rollbackFirst && !evict && !ManagedPool.rollbackQuietly(connection)) {
                evict = true;
            }
            if (sqliteReadOnly && !evict) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA query_only = 0");
                } catch (SQLException ignored) {
                    evict = true;
                }
            }
            if (evict) {
                pool.dataSource().evictConnection(connection);
            } else {
                connection.close();
            }
        } catch (SQLException | RuntimeException ignored) {
            // the connection is gone either way
        } finally {
            pool.openTransactionCounter().decrementAndGet();
            registry.ended(this, finalState);
        }
    }
}
