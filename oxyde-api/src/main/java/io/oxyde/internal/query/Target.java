package io.oxyde.internal.query;

import io.oxyde.codec.MutationResult;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.ValueKind;
import io.oxyde.driver.OxydeDriver;
import io.oxyde.dialect.Dialect;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Where a query runs: a pool (each statement takes its own connection) or an open
 * transaction (by id). Queries carry a target instead of relying on thread-locals, because
 * futures hop threads. Every query leaves through here as an IR message ({@link IrMessages}).
 *
 * @param savepoints the transaction's savepoint counter ({@code null} outside a transaction),
 *                   so helpers such as getOrCreate can protect one statement
 */
public record Target(OxydeDriver driver, String pool, Long transactionId, Dialect dialect, Savepoints savepoints) {

    /** A target on a pool, outside any transaction. */
    public static Target pool(OxydeDriver driver, String pool) {
        return new Target(driver, pool, null, driver.pools().get(pool).dialect(), null);
    }

    /** Whether statements run inside a transaction. */
    public boolean inTransaction() {
        return transactionId != null;
    }

    /** Runs a query that returns rows, as an IR message (the one road to the driver). */
    public CompletableFuture<RowSet> query(QueryIr ir, List<ValueKind> kinds) {
        return run(ir, message -> transactionId == null ? driver.query(pool, message, kinds)
                : driver.query(transactionId, message, kinds));
    }

    /** Runs a write, as an IR message (the one road to the driver). */
    public CompletableFuture<MutationResult> mutate(QueryIr ir) {
        return run(ir, message -> transactionId == null ? driver.mutate(pool, message)
                : driver.mutate(transactionId, message));
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
