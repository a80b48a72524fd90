package io.oxyde.driver;

import io.oxyde.exception.TransactionState;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.MutationResult;
import io.oxyde.exception.ProtocolException;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.ResultFrame;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.ValueKind;
import io.oxyde.driver.internal.ManagedPool;
import io.oxyde.driver.internal.PgListener;
import io.oxyde.notify.ListenOptions;
import io.oxyde.notify.Notification;
import java.util.concurrent.Flow;
import io.oxyde.driver.internal.Transaction;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import io.oxyde.exception.AcquireTimeoutException;
import io.oxyde.exception.InvalidQueryException;
import io.oxyde.exception.OxydeException;
import io.oxyde.exception.ValueDecodeException;

/**
 * Runs queries and transactions on the pools of a {@link PoolRegistry}: the JVM analogue of
 * the original's {@code execute}, {@code begin_transaction}, {@code commit_transaction} and
 * {@code rollback_transaction}.
 *
 * <p>One road runs a query: an IR message ({@code docs/protocol.md}) decoded, validated and
 * bound through the pool's plan cache. {@link #execute(String, byte[])} takes bytes and answers
 * result-frame bytes (the protocol boundary); {@link #execute(String, byte[], List)} takes
 * bytes and answers the frame in memory (the API's road); the typed conveniences
 * ({@link #execute(String, QueryIr, List)} …) encode the IR and take the same road. All return
 * at once; the work runs
 * on the pool's bounded executor, and nothing ever throws synchronously: every failure,
 * including invalid bytes and unknown pools, completes the future exceptionally with an
 * {@link OxydeException}. Cancelling a returned future cancels the running JDBC statement.
 *
 * <p>Transactions are explicit ids, never thread-bound, because futures hop threads. The
 * statements of one transaction run one after another in submission order.
 */
public final class OxydeDriver {

    private static final OxydeDriver GLOBAL = new OxydeDriver(PoolRegistry.global());

    private final PoolRegistry registry;

    public OxydeDriver(PoolRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The driver over {@link PoolRegistry#global()}. */
    public static OxydeDriver global() {
        return GLOBAL;
    }

    /** The registry whose pools this driver uses. */
    public PoolRegistry pools() {
        return registry;
    }

    // ---- LISTEN / NOTIFY ----------------------------------------------------------------------

    /**
     * LISTENs on a PostgreSQL channel: a cold, back-pressured publisher; each subscription
     * LISTENs on its own dedicated connection and reconnects after a lost one (see
     * {@link ListenOptions} and {@code docs/notifications.md}). Unlike the statement methods,
     * this throws at once when it cannot work at all.
     *
     * @throws io.oxyde.exception.UnsupportedFeatureException on a dialect other than PostgreSQL
     * @throws InvalidQueryException for a channel name PostgreSQL would refuse
     * @throws io.oxyde.exception.PoolNotFoundException for an unknown pool
     */
    public Flow.Publisher<Notification> listen(String pool, String channel, ListenOptions options) {
        return new PgListener(registry.managed(pool), channel, options);
    }

    // ---- the protocol boundary -------------------------------------------------------------

    /**
     * Decodes an IR message, renders it (the plan is cached by the message's shape), runs it
     * and encodes the result frame ({@code RowSet} or {@code MutationResult}). Safe against
     * any bytes: invalid input fails the future with {@link ProtocolException}.
     */
    public CompletableFuture<byte[]> execute(String pool, byte[] irBytes) {
        return encoded(execute(pool, irBytes, null));
    }

    /** Like {@link #execute(String, byte[])}, inside an open transaction. */
    public CompletableFuture<byte[]> execute(long transactionId, byte[] irBytes) {
        return encoded(execute(transactionId, irBytes, null));
    }

    /**
     * Runs an IR message and hands back the result frame in memory: the road the API takes for
     * every query (it encodes, this decodes, validates and binds through the plan cache keyed
     * by the message's shape). Result columns are read as {@code expectedKinds} (one per column;
     * a {@code null} entry or a shorter list leaves columns as read): how the API asks for
     * DATE, UUID, DECIMAL or TIMESTAMP from databases that store them as text or integers. A
     * value that does not convert fails with {@link ValueDecodeException}. Safe against any
     * bytes, like {@link #execute(String, byte[])}.
     */
    public CompletableFuture<ResultFrame> execute(String pool, byte[] message, List<ValueKind> expectedKinds) {
        byte[] bytes = message == null ? new byte[0] : message;
        return start(pool, p -> p.executeMessage(bytes, expectedKinds));
    }

    /** {@link #execute(String, byte[], List)} inside an open transaction. */
    public CompletableFuture<ResultFrame> execute(long transactionId, byte[] message, List<ValueKind> expectedKinds) {
        byte[] bytes = message == null ? new byte[0] : message;
        return inTransaction(transactionId, tx -> tx.execute(bytes, expectedKinds));
    }

    /**
     * Runs an IR message whose rows go to {@code sink} as they are read, instead of into a
     * {@link RowSet}: the road the API reads models on (see {@link RowSink}). The frame the
     * future completes with carries the result's columns and no rows (or the mutation result,
     * if the message was a write). Safe against any bytes, like {@link #execute(String, byte[])}.
     */
    public CompletableFuture<ResultFrame> read(String pool, byte[] message, RowSink sink) {
        byte[] bytes = message == null ? new byte[0] : message;
        Objects.requireNonNull(sink, "sink");
        return start(pool, p -> p.executeMessage(bytes, sink));
    }

    /** {@link #read(String, byte[], RowSink)} inside an open transaction. */
    public CompletableFuture<ResultFrame> read(long transactionId, byte[] message, RowSink sink) {
        byte[] bytes = message == null ? new byte[0] : message;
        Objects.requireNonNull(sink, "sink");
        return inTransaction(transactionId, tx -> tx.execute(bytes, sink));
    }

    // ---- handles: the pool or transaction looked up once, for callers that run many statements

    /**
     * The pool named {@code pool}, looked up now, for the handle overloads below.
     *
     * @throws io.oxyde.exception.PoolNotFoundException if no such pool is open
     */
    public PoolHandle handle(String pool) {
        return new PoolHandle(registry.managed(pool));
    }

    /**
     * The open transaction {@code transactionId}, looked up now, for the handle overloads below.
     *
     * @throws io.oxyde.exception.TransactionStateException if it is unknown or has ended
     */
    public TxHandle transaction(long transactionId) {
        return new TxHandle(registry.transactions().get(transactionId));
    }

    /** {@link #read(String, byte[], RowSink)} on a pool looked up once. */
    public CompletableFuture<ResultFrame> read(PoolHandle pool, byte[] message, RowSink sink) {
        byte[] bytes = message == null ? new byte[0] : message;
        Objects.requireNonNull(sink, "sink");
        return start(pool, p -> p.executeMessage(bytes, sink));
    }

    /** {@link #read(long, byte[], RowSink)} in a transaction looked up once. */
    public CompletableFuture<ResultFrame> read(TxHandle tx, byte[] message, RowSink sink) {
        byte[] bytes = message == null ? new byte[0] : message;
        Objects.requireNonNull(sink, "sink");
        return inTransaction(tx, t -> t.execute(bytes, sink));
    }

    /** {@link #query(String, byte[], List)} on a pool looked up once. */
    public CompletableFuture<RowSet> query(PoolHandle pool, byte[] message, List<ValueKind> expectedKinds) {
        byte[] bytes = message == null ? new byte[0] : message;
        return start(pool, p -> p.executeMessage(bytes, expectedKinds)).thenApply(OxydeDriver::rows);
    }

    /** {@link #query(long, byte[], List)} in a transaction looked up once. */
    public CompletableFuture<RowSet> query(TxHandle tx, byte[] message, List<ValueKind> expectedKinds) {
        byte[] bytes = message == null ? new byte[0] : message;
        return inTransaction(tx, t -> t.execute(bytes, expectedKinds)).thenApply(OxydeDriver::rows);
    }

    /** {@link #mutate(String, byte[])} on a pool looked up once. */
    public CompletableFuture<MutationResult> mutate(PoolHandle pool, byte[] message) {
        byte[] bytes = message == null ? new byte[0] : message;
        return start(pool, p -> p.executeMessage(bytes, (List<ValueKind>) null)).thenApply(OxydeDriver::mutation);
    }

    /** {@link #mutate(long, byte[])} in a transaction looked up once. */
    public CompletableFuture<MutationResult> mutate(TxHandle tx, byte[] message) {
        byte[] bytes = message == null ? new byte[0] : message;
        return inTransaction(tx, t -> t.execute(bytes, (List<ValueKind>) null)).thenApply(OxydeDriver::mutation);
    }

    /** {@link #execute(String, byte[], List)}, for a query that returns rows. */
    public CompletableFuture<RowSet> query(String pool, byte[] message, List<ValueKind> expectedKinds) {
        return execute(pool, message, expectedKinds).thenApply(OxydeDriver::rows);
    }

    /** {@link #query(String, byte[], List)} inside a transaction. */
    public CompletableFuture<RowSet> query(long transactionId, byte[] message, List<ValueKind> expectedKinds) {
        return execute(transactionId, message, expectedKinds).thenApply(OxydeDriver::rows);
    }

    /** {@link #execute(String, byte[], List)}, for a write. */
    public CompletableFuture<MutationResult> mutate(String pool, byte[] message) {
        return execute(pool, message, null).thenApply(OxydeDriver::mutation);
    }

    /** {@link #mutate(String, byte[])} inside a transaction. */
    public CompletableFuture<MutationResult> mutate(long transactionId, byte[] message) {
        return execute(transactionId, message, null).thenApply(OxydeDriver::mutation);
    }

    // ---- typed conveniences: they encode and take the same road ---------------------------

    /** Runs a query; rows are read by their JDBC types. */
    public CompletableFuture<ResultFrame> execute(String pool, QueryIr ir) {
        return execute(pool, ir, null);
    }

    /**
     * Runs a query, reading result columns as {@code expectedKinds} (one per column; a
     * {@code null} entry or a shorter list leaves columns as read). This is how the API asks
     * for DATE, UUID, DECIMAL or TIMESTAMP from databases that store them as text or
     * integers. A value that does not convert fails with {@link ValueDecodeException}.
     */
    public CompletableFuture<ResultFrame> execute(String pool, QueryIr ir, List<ValueKind> expectedKinds) {
        return encoding(ir, pool, message -> execute(pool, message, expectedKinds));
    }

    /** Runs a query inside an open transaction. */
    public CompletableFuture<ResultFrame> execute(long transactionId, QueryIr ir) {
        return execute(transactionId, ir, null);
    }

    /** Runs a query inside an open transaction, with expected column kinds. */
    public CompletableFuture<ResultFrame> execute(long transactionId, QueryIr ir, List<ValueKind> expectedKinds) {
        return encoding(ir, null, message -> execute(transactionId, message, expectedKinds));
    }

    /** Encodes {@code ir} and runs the message; a query the encoder refuses fails with {@link InvalidQueryException}. */
    private static CompletableFuture<ResultFrame> encoding(QueryIr ir, String pool,
                                                           Function<byte[], CompletableFuture<ResultFrame>> run) {
        Objects.requireNonNull(ir, "ir");
        byte[] message;
        try {
            message = IrCodec.encode(ir);
        } catch (RuntimeException e) {
            String problem = e instanceof ProtocolException ? e.getMessage() : e.toString();
            return CompletableFuture.failedFuture(new InvalidQueryException("invalid query: " + problem, pool, e));
        }
        return run.apply(message);
    }

    /** Runs a query that returns rows (a select, or raw SQL that returns rows). */
    public CompletableFuture<RowSet> query(String pool, QueryIr ir, List<ValueKind> expectedKinds) {
        return execute(pool, ir, expectedKinds).thenApply(OxydeDriver::rows);
    }

    /** {@link #query(String, QueryIr, List)} inside a transaction. */
    public CompletableFuture<RowSet> query(long transactionId, QueryIr ir, List<ValueKind> expectedKinds) {
        return execute(transactionId, ir, expectedKinds).thenApply(OxydeDriver::rows);
    }

    /** Runs an insert, update, delete or write statement. */
    public CompletableFuture<MutationResult> mutate(String pool, QueryIr ir) {
        return execute(pool, ir, null).thenApply(OxydeDriver::mutation);
    }

    /** {@link #mutate(String, QueryIr)} inside a transaction. */
    public CompletableFuture<MutationResult> mutate(long transactionId, QueryIr ir) {
        return execute(transactionId, ir, null).thenApply(OxydeDriver::mutation);
    }

    // ---- transactions ---------------------------------------------------------------------

    /** Opens a transaction with the database's default isolation. */
    public CompletableFuture<Long> begin(String pool) {
        return begin(pool, TxOptions.DEFAULT);
    }

    /**
     * Takes a connection from the pool and opens a transaction on it; the id names it in every
     * later call. Fails with {@link AcquireTimeoutException} if no connection frees up in time.
     */
    public CompletableFuture<Long> begin(String pool, TxOptions options) {
        TxOptions opts = options == null ? TxOptions.DEFAULT : options;
        return start(pool, p -> registry.transactions().begin(p, opts));
    }

    /** Commits and returns the connection to the pool. */
    public CompletableFuture<Void> commit(long transactionId) {
        return inTransaction(transactionId, Transaction::commit);
    }

    /** Rolls back and returns the connection to the pool. */
    public CompletableFuture<Void> rollback(long transactionId) {
        return inTransaction(transactionId, Transaction::rollback);
    }

    /** Creates (or moves) a savepoint; names are letters, digits and underscores. */
    public CompletableFuture<Void> savepoint(long transactionId, String name) {
        return inTransaction(transactionId, tx -> tx.savepoint(name));
    }

    /** Undoes everything since the savepoint; the savepoint stays, later ones are dropped. */
    public CompletableFuture<Void> rollbackTo(long transactionId, String name) {
        return inTransaction(transactionId, tx -> tx.rollbackTo(name));
    }

    /** Forgets the savepoint (and later ones), keeping their work. */
    public CompletableFuture<Void> release(long transactionId, String name) {
        return inTransaction(transactionId, tx -> tx.release(name));
    }

    /** {@link #commit(long)} on a transaction looked up once. */
    public CompletableFuture<Void> commit(TxHandle tx) {
        return inTransaction(tx, Transaction::commit);
    }

    /** {@link #rollback(long)} on a transaction looked up once. */
    public CompletableFuture<Void> rollback(TxHandle tx) {
        return inTransaction(tx, Transaction::rollback);
    }

    /** {@link #savepoint(long, String)} on a transaction looked up once. */
    public CompletableFuture<Void> savepoint(TxHandle tx, String name) {
        return inTransaction(tx, t -> t.savepoint(name));
    }

    /** {@link #rollbackTo(long, String)} on a transaction looked up once. */
    public CompletableFuture<Void> rollbackTo(TxHandle tx, String name) {
        return inTransaction(tx, t -> t.rollbackTo(name));
    }

    /** {@link #release(long, String)} on a transaction looked up once. */
    public CompletableFuture<Void> release(TxHandle tx, String name) {
        return inTransaction(tx, t -> t.release(name));
    }

    /** The state of a transaction, or {@code null} if the id is unknown. */
    public TransactionState transactionState(long transactionId) {
        return registry.transactions().state(transactionId);
    }

    // ---- plumbing ---------------------------------------------------------------------------

    private <T> CompletableFuture<T> start(String pool, Function<ManagedPool, CompletableFuture<T>> action) {
        try {
            return action.apply(registry.managed(pool));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(wrap(e, pool));
        }
    }

    private <T> CompletableFuture<T> inTransaction(long id, Function<Transaction, CompletableFuture<T>> action) {
        try {
            return action.apply(registry.transactions().get(id));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(wrap(e, null));
        }
    }

    private <T> CompletableFuture<T> start(PoolHandle pool, Function<ManagedPool, CompletableFuture<T>> action) {
        try {
            return action.apply(Objects.requireNonNull(pool, "pool").pool);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(wrap(e, pool == null ? null : pool.name()));
        }
    }

    private <T> CompletableFuture<T> inTransaction(TxHandle tx, Function<Transaction, CompletableFuture<T>> action) {
        try {
            return action.apply(Objects.requireNonNull(tx, "transaction").tx);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(wrap(e, null));
        }
    }

    private static OxydeException wrap(RuntimeException e, String pool) {
        if (e instanceof OxydeException oxyde) {
            return oxyde;
        }
        return new OxydeException(String.valueOf(e.getMessage()), pool, null, e);
    }

    private static CompletableFuture<byte[]> encoded(CompletableFuture<ResultFrame> frame) {
        CompletableFuture<byte[]> out = frame.thenApply(f -> {
            try {
                return IrCodec.encodeResult(f);
            } catch (ProtocolException e) {
                // the database answered something the protocol cannot carry (a 41,529-byte decimal,
                // a 100,000-byte label): refuse it here rather than send a frame receivers reject
                throw new ProtocolException(e.path(), "the result cannot be sent as a frame: " + e.problem(), null, e);
            }
        });
        out.whenComplete((r, e) -> {
            if (out.isCancelled()) {
                frame.cancel(true);
            }
        });
        return out;
    }

    private static RowSet rows(ResultFrame frame) {
        if (frame instanceof RowSet rows) {
            return rows;
        }
        throw new InvalidQueryException("the query returned a mutation result, not rows", null, null);
    }

    private static MutationResult mutation(ResultFrame frame) {
        if (frame instanceof MutationResult mutation) {
            return mutation;
        }
        throw new InvalidQueryException("the query returned rows, not a mutation result", null, null);
    }
}
