package io.oxyde.internal.ir;

import io.oxyde.codec.MutationResult;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.ResultFrame;
import io.oxyde.codec.RowSet;
import io.oxyde.driver.RowSink;
import io.oxyde.codec.ValueKind;
import io.oxyde.driver.OxydeDriver;
import io.oxyde.driver.PoolHandle;
import io.oxyde.driver.TxHandle;
import io.oxyde.internal.routing.Router;
import io.oxyde.internal.routing.Session;
import io.oxyde.dialect.Dialect;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Where a query runs: a pool (each statement takes its own connection) or an open
 * transaction. Queries carry a target instead of relying on thread-locals, because futures hop
 * threads. Every query leaves through here as an IR message ({@link IrMessages}). The pool and
 * the transaction are held as driver handles, looked up once when the target is made, not by
 * name or id per statement; the name and id stay for messages, errors and routing.
 *
 * @param savepoints the transaction's savepoint counter ({@code null} outside a transaction),
 *                   so helpers such as getOrCreate can protect one statement
 * @param routing    the handle's replica routing ({@code null} when the pool has no replicas,
 *                   and inside transactions): which pool each statement outside a transaction uses
 * @param poolHandle the pool {@code pool}, looked up once
 * @param txHandle   the transaction {@code transactionId}, looked up once ({@code null} outside one)
 */
public record Target(OxydeDriver driver, String pool, Long transactionId, Dialect dialect, Savepoints savepoints,
                     Session routing, PoolHandle poolHandle, TxHandle txHandle) {

    /** A target on {@code pool} (and transaction {@code transactionId}), looking both up now. */
    public Target(OxydeDriver driver, String pool, Long transactionId, Dialect dialect, Savepoints savepoints,
                  Session routing) {
        this(driver, pool, transactionId, dialect, savepoints, routing, driver.handle(pool),
                transactionId == null ? null : driver.transaction(transactionId));
    }

    /** A target without replica routing. */
    public Target(OxydeDriver driver, String pool, Long transactionId, Dialect dialect, Savepoints savepoints) {
        this(driver, pool, transactionId, dialect, savepoints, null);
    }

    /** A target on a pool, outside any transaction (routed when the pool has replicas). */
    public static Target pool(OxydeDriver driver, String pool) {
        PoolHandle handle = driver.handle(pool);
        return new Target(driver, pool, null, handle.dialect(), null, Router.session(driver, pool), handle, null);
    }

    /**
     * The target of {@code using(name)}: on a routed pool, {@code "primary"} / {@code "replica"}
     * pin this handle's statements (unless a pool has that name); otherwise the pool {@code name}.
     */
    public Target using(String name) {
        if (routing != null && Session.isPin(name) && !driver.pools().contains(name)) {
            return new Target(driver, pool, null, dialect, null, routing.pinned(name), poolHandle, null);
        }
        return pool(driver, name);
    }

    /**
     * This target with reads pinned to the primary, when it routes to replicas: for the reads a
     * write depends on (the keys an UPDATE across relations selects first, getOrCreate's lookup).
     */
    public Target primary() {
        return routing == null || transactionId != null ? this
                : new Target(driver, pool, null, dialect, null, routing.pinned(Session.PRIMARY), poolHandle, null);
    }

    /** Whether statements run inside a transaction. */
    public boolean inTransaction() {
        return transactionId != null;
    }

    /** Runs a query that returns rows, as an IR message (the one road to the driver). */
    public CompletableFuture<RowSet> query(QueryIr ir, List<ValueKind> kinds) {
        if (routing != null && transactionId == null) {
            return routing.read(ir, on -> run(ir, message -> driver.query(on, message, kinds)));
        }
        return run(ir, message -> txHandle == null ? driver.query(poolHandle, message, kinds)
                : driver.query(txHandle, message, kinds));
    }

    /**
     * Runs a query whose rows go to {@code sink} as the driver reads them (the road models are
     * read on: no result set copied in memory); the future completes when the last row is in.
     */
    public CompletableFuture<ResultFrame> read(QueryIr ir, RowSink sink) {
        if (routing != null && transactionId == null) {
            return routing.read(ir, on -> run(ir, message -> driver.read(on, message, sink)));
        }
        return run(ir, message -> txHandle == null ? driver.read(poolHandle, message, sink)
                : driver.read(txHandle, message, sink));
    }

    /**
     * Runs a query whose rows {@code sink} converts as they are read and answers the converted
     * rows; a statement that turns out to be a write (raw SQL) fails as {@link #query} does.
     */
    public <R> CompletableFuture<List<R>> rows(QueryIr ir, ListSink<R> sink) {
        return read(ir, sink).thenApply(frame -> {
            if (frame instanceof MutationResult) {
                throw new io.oxyde.exception.InvalidQueryException("the query returned a mutation result, not rows",
                        null, null);
            }
            return sink.rows();
        });
    }

    /** Runs a write, as an IR message (the one road to the driver). */
    public CompletableFuture<MutationResult> mutate(QueryIr ir) {
        if (routing != null && transactionId == null) {
            // writes go to the primary (the pool itself); then this handle reads its writes
            return run(ir, message -> driver.mutate(routing.router().primary(), message))
                    .thenCompose(r -> routing.wrote().thenApply(v -> r));
        }
        return run(ir, message -> txHandle == null ? driver.mutate(poolHandle, message)
                : driver.mutate(txHandle, message));
    }

    private <R> CompletableFuture<R> run(QueryIr ir, Function<byte[], CompletableFuture<R>> send) {
        byte[] message;
        try {
            message = IrMessages.encode(ir, pool);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send.apply(message);
    }

    /** Hands out unique savepoint names within one transaction. */
    public static final class Savepoints {
        private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        /** A fresh savepoint name. */
        public String next() {
            return "oxyde_sp_" + next.incrementAndGet();
        }
    }
}
