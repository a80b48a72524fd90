package io.oxyde;

import io.oxyde.internal.ir.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * An open transaction, handed to the function given to {@code db.atomic(...)}. Everything
 * run through it ({@link #objects}, {@link #raw}, {@link #save}…) runs on the transaction's
 * connection, in submission order. It is an explicit handle, never a thread-local, because
 * futures hop threads. Do not keep it after the function's future completes.
 */
public final class Tx {

    private final Target target;
    private final Tx parent;
    private final List<Runnable> onCommit = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean rollbackOnly;

    Tx(Target target, Tx parent) {
        this.target = target;
        this.parent = parent;
    }

    /** The driver's transaction id (for logging, or for the driver API). */
    public long id() {
        return target.transactionId();
    }

    /** Whether this handle is a savepoint inside an outer transaction. */
    public boolean isNested() {
        return parent != null;
    }

    /**
     * Marks this block to be rolled back when its function's future completes, instead of
     * committed, without failing it: the future returned by {@code atomic} completes normally
     * with the function's value (as Django's {@code transaction.set_rollback(True)} and Spring's
     * {@code TransactionStatus.setRollbackOnly()}). Use it for a dry run, or when the function
     * found a reason to undo its work that is not an error. It applies to this block only: on
     * the handle of a nested {@link #atomic} block it rolls back to that block's savepoint and
     * the outer transaction goes on; on the outermost handle it rolls back the whole
     * transaction. {@link #onCommit} callbacks registered in a block rolled back this way never
     * run. Statements may still be sent after the call; they are undone with the rest.
     */
    public void setRollbackOnly() {
        rollbackOnly = true;
    }

    /** Whether {@link #setRollbackOnly()} was called on this handle. */
    public boolean isRollbackOnly() {
        return rollbackOnly;
    }

    /** A query on a model, inside this transaction. */
    public <T> Query<T> objects(Class<T> model) {
        return Query.of(model, target);
    }

    /** Raw SQL with {@code ?} placeholders, inside this transaction. */
    public RawQuery<Map<String, Object>> raw(String sql, Object... params) {
        return RawQuery.of(target, sql, params);
    }

    /**
     * Sends a notification inside this transaction (see {@link Oxyde#notify(String, String)}):
     * PostgreSQL delivers it when the transaction commits, and never if it rolls back.
     */
    public CompletableFuture<Void> notify(String channel, String payload) {
        return Notifications.notify(target, channel, payload);
    }

    /** Inserts or updates a model (see {@link Oxyde#save}) inside this transaction. */
    public <T> CompletableFuture<T> save(T model) {
        return Writes.save(target, model);
    }

    /** Deletes a model by its key inside this transaction; true if a row was deleted. */
    public <T> CompletableFuture<Boolean> delete(T model) {
        return Writes.deleteInstance(target, model);
    }

    /** The model as currently stored, read inside this transaction. */
    public <T> CompletableFuture<T> refresh(T model) {
        return Oxyde.refresh(target, model);
    }

    /**
     * Runs {@code fn} under a savepoint: if its future fails, only its work is rolled back and
     * the failure propagates (catch it to continue the outer transaction); if the nested handle
     * was marked with {@link #setRollbackOnly()}, only its work is rolled back and its value is
     * returned; otherwise the savepoint is released and its {@link #onCommit} callbacks join the
     * outer transaction's.
     */
    public <R> CompletableFuture<R> atomic(Function<Tx, ? extends CompletionStage<R>> fn) {
        String name = target.savepoints().next();
        io.oxyde.driver.TxHandle id = target.txHandle();
        Tx child = new Tx(target, this);
        return target.driver().savepoint(id, name).thenCompose(v -> Transactions.invoke(fn, child).handle((r, e) -> {
            if (e == null && child.rollbackOnly) {
                // setRollbackOnly on the nested handle: back to its savepoint, its callbacks dropped
                return target.driver().rollbackTo(id, name).thenCompose(x -> target.driver().release(id, name))
                        .thenApply(x -> r);
            }
            if (e == null) {
                return target.driver().release(id, name).thenApply(x -> {
                    onCommit.addAll(child.onCommit);
                    return r;
                });
            }
            Throwable cause = Oxyde.unwrap(e);
            return target.driver().rollbackTo(id, name).thenCompose(x -> target.driver().release(id, name))
                    .<R>handle((x, e2) -> {
                        if (e2 != null) {
                            cause.addSuppressed(Oxyde.unwrap(e2));
                        }
                        throw Oxyde.rethrow(cause);
                    });
        }).thenCompose(f -> f));
    }

    /**
     * Runs {@code callback} after the outermost transaction commits (never if it rolls back, or
     * if the savepoint it was registered in is rolled back). Use it for side effects such as
     * sending mail.
     */
    public void onCommit(Runnable callback) {
        onCommit.add(callback);
    }

    void runCommitCallbacks() {
        RuntimeException first = null;
        for (Runnable r : List.copyOf(onCommit)) {
            try {
                r.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
