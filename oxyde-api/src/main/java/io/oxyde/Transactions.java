package io.oxyde;

import io.oxyde.driver.TxOptions;
import io.oxyde.internal.ir.Target;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Running a function in a transaction: begin, run, commit or roll back, keep the original error. */
final class Transactions {

    private Transactions() {
    }

    /** Runs {@code work} in the target's transaction, or in a new one committed at the end. */
    static <R> CompletableFuture<R> auto(Target target, Function<Target, CompletableFuture<R>> work) {
        if (target.inTransaction()) {
            return work.apply(target);
        }
        return run(target, TxOptions.DEFAULT, work::apply);
    }

    /** Begins a transaction, runs {@code work}, commits on success, rolls back on any failure. */
    static <R> CompletableFuture<R> run(Target pool, TxOptions options,
                                        Function<Target, ? extends CompletionStage<R>> work) {
        return pool.driver().begin(pool.pool(), options).thenCompose(id -> {
            Target tx = new Target(pool.driver(), pool.pool(), id, pool.dialect(), new Target.Savepoints());
            CompletableFuture<R> body = invoke(work, tx);
            return finish(pool, id, body).thenCompose(r -> wrote(pool, pool.pool(), r));
        });
    }

    /** After a commit on the primary of a routed pool: the handle reads its writes (docs/scale-out.md). */
    static <R> CompletableFuture<R> wrote(Target pool, String ranOn, R result) {
        if (pool.routing() == null || !ranOn.equals(pool.routing().router().primary())) {
            return CompletableFuture.completedFuture(result);
        }
        return pool.routing().wrote().thenApply(v -> result);
    }

    static <R> CompletableFuture<R> finish(Target pool, long id, CompletableFuture<R> body) {
        return finish(pool, id, body, () -> false);
    }

    /**
     * As {@link #finish(Target, long, CompletableFuture)}; when {@code rollbackOnly} says so after
     * the body succeeded ({@link Tx#setRollbackOnly()}), rolls back and completes with the body's value.
     */
    static <R> CompletableFuture<R> finish(Target pool, long id, CompletableFuture<R> body,
                                           java.util.function.BooleanSupplier rollbackOnly) {
        return body.handle((r, e) -> {
            if (e == null && rollbackOnly.getAsBoolean()) {
                return pool.driver().rollback(id).thenApply(v -> r);
            }
            if (e == null) {
                return pool.driver().commit(id).thenApply(v -> r);
            }
            Throwable cause = Oxyde.unwrap(e);
            return pool.driver().rollback(id).<R>handle((v, e2) -> {
                if (e2 != null) {
                    cause.addSuppressed(Oxyde.unwrap(e2));
                }
                throw Oxyde.rethrow(cause);
            });
        }).thenCompose(f -> f);
    }

    static <A, R> CompletableFuture<R> invoke(Function<A, ? extends CompletionStage<R>> fn, A arg) {
        try {
            CompletionStage<R> stage = fn.apply(arg);
            if (stage == null) {
                return CompletableFuture.failedFuture(new NullPointerException("the atomic function returned null"));
            }
            return stage.toCompletableFuture();
        } catch (RuntimeException | Error e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
