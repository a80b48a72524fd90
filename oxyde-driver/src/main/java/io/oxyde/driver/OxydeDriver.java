package io.oxyde.driver;

import io.oxyde.codec.IrCodec;
import io.oxyde.codec.MutationResult;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.ResultFrame;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.ValueKind;
import io.oxyde.driver.internal.ManagedPool;
import io.oxyde.driver.internal.Transaction;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs queries and transactions on the pools of a {@link PoolRegistry}: the JVM analogue of
 * the original's {@code execute}, {@code begin_transaction}, {@code commit_transaction} and
 * {@code rollback_transaction}.
 *
 * <p>Two entry points run a query: the protocol boundary {@link #execute(String, byte[])}
 * (IR bytes in, result-frame bytes out; documented in {@code docs/protocol.md}) and the typed
 * in-process path {@link #execute(String, QueryIr, List)}. Both return at once; the work runs
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

    // ---- the protocol boundary -------------------------------------------------------------

    /**
     * Decodes an IR message, renders it (the plan is cached by the message's shape), runs it
     * and encodes the result frame ({@code RowSet} or {@code MutationResult}). Safe against
     * any bytes: invalid input fails the future with {@link ProtocolError}.
     */
    public CompletableFuture<byte[]> execute(String pool, byte[] irBytes) {
        return encoded(start(pool, p -> p.executeBytes(irBytes == null ? new byte[0] : irBytes)));
    }

    /** Like {@link #execute(String, byte[])}, inside an open transaction. */
    public CompletableFuture<byte[]> execute(long transactionId, byte[] irBytes) {
        byte[] bytes = irBytes == null ? new byte[0] : irBytes;
        return encoded(inTransaction(transactionId, tx -> tx.execute(() -> tx.pool().renderBytes(bytes), null)));
    }

    // ---- the typed in-process path ---------------------------------------------------------

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
        Objects.requireNonNull(ir, "ir");
        return start(pool, p -> p.execute(ir, expectedKinds));
    }

    /** Runs a query inside an open transaction. */
    public CompletableFuture<ResultFrame> execute(long transactionId, QueryIr ir) {
        return execute(transactionId, ir, null);
    }

    /** Runs a query inside an open transaction, with expected column kinds. */
    public CompletableFuture<ResultFrame> execute(long transactionId, QueryIr ir, List<ValueKind> expectedKinds) {
        Objects.requireNonNull(ir, "ir");
        return inTransaction(transactionId, tx -> tx.execute(() -> tx.pool().render(ir), expectedKinds));
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
     * later call. Fails with {@link AcquireTimeout} if no connection frees up in time.
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

    private static OxydeException wrap(RuntimeException e, String pool) {
        if (e instanceof OxydeException) {
            return (OxydeException) e;
        }
        return new OxydeException(String.valueOf(e.getMessage()), pool, null, e);
    }

    private static CompletableFuture<byte[]> encoded(CompletableFuture<ResultFrame> frame) {
        CompletableFuture<byte[]> out = frame.thenApply(IrCodec::encodeResult);
        out.whenComplete((r, e) -> {
            if (out.isCancelled()) {
                frame.cancel(true);
            }
        });
        return out;
    }

    private static RowSet rows(ResultFrame frame) {
        if (frame instanceof RowSet) {
            return (RowSet) frame;
        }
        throw new InvalidQueryException("the query returned a mutation result, not rows", null, null);
    }

    private static MutationResult mutation(ResultFrame frame) {
        if (frame instanceof MutationResult) {
            return (MutationResult) frame;
        }
        throw new InvalidQueryException("the query returned rows, not a mutation result", null, null);
    }
}
