package io.oxyde;

import io.oxyde.driver.internal.Lineage;
import io.oxyde.driver.OxydeDriver;
import io.oxyde.exception.OxydeException;
import io.oxyde.driver.OxydeFuture;
import io.oxyde.driver.PoolSettings;
import io.oxyde.internal.ir.Models;
import io.oxyde.internal.ir.Target;
import io.oxyde.internal.routing.Router;
import io.oxyde.dialect.Dialect;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import io.oxyde.exception.NotFoundException;
import io.oxyde.exception.TransactionTimeoutException;
import io.oxyde.meta.ModelMeta;
import io.oxyde.notify.ListenOptions;
import io.oxyde.notify.Notification;
import java.util.concurrent.Flow;

/**
 * A database: the entry point of the API. {@code Oxyde.connect(url)} opens a connection pool
 * (named {@code "default"}) in the driver's global registry; {@link #objects(Class)} starts
 * queries, {@link #atomic} runs transactions, {@link #raw} runs SQL. Every operation returns a
 * {@link CompletableFuture}; {@link #await(CompletableFuture)} is the one way for blocking
 * code to wait and get the original exception back. Closing it closes the pool it opened.
 */
public final class Oxyde implements AutoCloseable {

    private final Target target;
    private final boolean owner;
    private final AtomicGuard guard;

    private Oxyde(Target target, boolean owner) {
        this(target, owner, null);
    }

    private Oxyde(Target target, boolean owner, AtomicGuard guard) {
        this.target = target;
        this.owner = owner;
        this.guard = guard;
    }

    /** Opens the pool {@code "default"} on a database URL ({@code sqlite:app.db}, {@code postgresql://…}). */
    public static Oxyde connect(String url) {
        return connect("default", url, PoolSettings.defaults());
    }

    /** Opens a named pool with default settings. */
    public static Oxyde connect(String name, String url) {
        return connect(name, url, PoolSettings.defaults());
    }

    /**
     * Opens a named pool; see {@code docs/connections.md} for URLs and settings. A
     * {@code replicas=host:port,…} parameter adds read replicas with the default routing of
     * {@link Replicas} ({@code docs/scale-out.md}).
     */
    public static Oxyde connect(String name, String url, PoolSettings settings) {
        io.oxyde.internal.routing.ReplicaUrls.Split split = io.oxyde.internal.routing.ReplicaUrls.split(url);
        if (split != null) {
            return connect(name, split.primary(), settings, Replicas.of(split.replicas().toArray(new String[0])));
        }
        OxydeDriver driver = OxydeDriver.global();
        driver.pools().init(name, url, settings);
        return new Oxyde(Target.pool(driver, name), true);
    }

    /**
     * Opens a named pool on a primary and pools on its read replicas, and routes between them:
     * reads outside transactions to a replica, writes and {@code atomic} blocks to the primary,
     * read-your-writes per handle, unhealthy replicas skipped (see {@link Replicas} and
     * {@code docs/scale-out.md}). Closing the returned handle closes every pool it opened.
     */
    public static Oxyde connect(String name, String url, PoolSettings settings, Replicas replicas) {
        OxydeDriver driver = OxydeDriver.global();
        driver.pools().init(name, url, settings);
        try {
            Router.open(driver, name, replicas, settings == null ? PoolSettings.defaults() : settings);
        } catch (RuntimeException e) {
            driver.pools().close(name);
            throw e;
        }
        return new Oxyde(Target.pool(driver, name), true);
    }

    /**
     * The same database with read-your-writes tracked for this handle alone (one per request or
     * unit of work): its reads go to the primary after <em>its</em> writes, not after every
     * handle's. Without replicas it is simply the same database. Closing it closes nothing.
     */
    public Oxyde session() {
        if (target.routing() == null) {
            return new Oxyde(target, false, guard);
        }
        Target t = target;
        return new Oxyde(new Target(t.driver(), t.pool(), null, t.dialect(), null, t.routing().fresh()), false, guard);
    }

    /**
     * Opens the pool {@code name} over the application's own {@link DataSource} (for example
     * the HikariCP pool a framework configured), with default settings; see
     * {@link #connect(String, DataSource, Dialect, PoolSettings)}.
     */
    public static Oxyde connect(String name, DataSource dataSource, Dialect dialect) {
        return connect(name, dataSource, dialect, PoolSettings.defaults());
    }

    /**
     * Opens the pool {@code name} over the application's own {@link DataSource}: queries,
     * transactions and the executors work exactly as with a URL, but the connections are
     * borrowed from the data source, so the application keeps one pool for Oxyde and its other
     * JDBC code. Of {@code settings} only what is not about connections applies (executor
     * queue, statement and transaction timeouts, result limits); see
     * {@code docs/connections.md}. The data source must hand out connections in auto-commit
     * mode.
     *
     * <p>Closing the returned handle stops Oxyde's executors and rolls back its open
     * transactions but leaves the data source open: the application created it, and closes it
     * (after this handle).
     *
     * @param dialect the database behind the data source
     */
    public static Oxyde connect(String name, DataSource dataSource, Dialect dialect, PoolSettings settings) {
        OxydeDriver driver = OxydeDriver.global();
        driver.pools().init(name, dataSource, dialect, settings);
        return new Oxyde(Target.pool(driver, name), true);
    }

    /**
     * The same database with {@code guard} checked before every {@link #atomic} call (it
     * replaces any earlier guard). The returned handle shares the pool, and closes it if this
     * one would; integrations such as the Spring Boot starter use it to refuse transactions
     * that would run beside a framework's own.
     */
    public Oxyde withAtomicGuard(AtomicGuard guard) {
        return new Oxyde(target, owner, guard);
    }

    /**
     * A handle on a pool that is already open in the global registry (closing it does not close
     * the pool); {@code PoolNotFoundException} if there is none by that name.
     */
    public static Oxyde database(String name) {
        return new Oxyde(Target.pool(OxydeDriver.global(), name), false);
    }

    /**
     * Another open database by name, e.g. a read replica (closing it does not close the pool);
     * {@code PoolNotFound} if there is none by that name. On a database with {@link Replicas},
     * {@code "primary"} and {@code "replica"} pin this handle's statements to the primary or a
     * replica.
     * {@code PoolNotFoundException} if there is none by that name.
     */
    public Oxyde using(String name) {
        return new Oxyde(target.using(name), false, guard);
    }

    /** The pool name. */
    public String name() {
        return target.pool();
    }

    /** The SQL dialect of the database. */
    public Dialect dialect() {
        return target.dialect();
    }

    /** A lazy query over all rows of a model. */
    public <T> Query<T> objects(Class<T> model) {
        return Query.of(model, target);
    }

    /** Raw SQL with {@code ?} placeholders, outside any transaction. */
    public RawQuery<Map<String, Object>> raw(String sql, Object... params) {
        return RawQuery.of(target, sql, params);
    }

    /**
     * LISTENs on a PostgreSQL channel with {@link ListenOptions#defaults()}; see
     * {@link #listen(String, ListenOptions)}.
     */
    public Flow.Publisher<Notification> listen(String channel) {
        return listen(channel, ListenOptions.defaults());
    }

    /**
     * LISTENs on a PostgreSQL channel. Each subscription to the returned (cold) publisher
     * opens its own dedicated connection (outside the pool for a URL pool; borrowed from an
     * application's DataSource), LISTENs, and delivers notifications as the subscriber
     * requests them. A lost connection is reopened and LISTENed again, with a
     * {@link Notification.Kind#RECONNECTED} marker in the stream; a subscriber that falls more
     * than {@link ListenOptions#bufferSize()} behind gets the {@link ListenOptions.Overflow}
     * policy (by default {@code onError(NotificationOverflowException)}). Cancelling the
     * subscription, or closing this database, releases the connection. See
     * {@code docs/notifications.md}.
     *
     * @throws io.oxyde.exception.UnsupportedFeatureException on a dialect other than PostgreSQL
     * @throws io.oxyde.exception.InvalidQueryException for a channel name PostgreSQL refuses
     *     (empty, longer than 63 bytes, control characters)
     */
    public Flow.Publisher<Notification> listen(String channel, ListenOptions options) {
        return Notifications.listen(target, channel, options);
    }

    /**
     * Sends a notification on a PostgreSQL channel ({@code SELECT pg_notify(?, ?)}, both bound
     * as values). Outside a transaction it is delivered at once; use {@link Tx#notify} to send
     * it when a transaction commits. The future fails with
     * {@link io.oxyde.exception.UnsupportedFeatureException} on other dialects, and with
     * {@link io.oxyde.exception.InvalidQueryException} for a channel PostgreSQL refuses or a
     * payload of 8000 bytes or more.
     *
     * @param payload the payload, {@code null} for none
     */
    public CompletableFuture<Void> notify(String channel, String payload) {
        return Notifications.notify(target, channel, payload);
    }

    /**
     * Moves a model's key sequence past the largest key in its table (PostgreSQL identity and
     * serial columns; nothing elsewhere, where the database does it). Oxyde does this itself after
     * inserting explicit keys; call it after rows were written with explicit keys by other
     * programs (plain SQL, a restore). Never moves the sequence backwards.
     */
    public CompletableFuture<Void> resetKeySequence(Class<?> model) {
        if (target.dialect() != io.oxyde.dialect.Dialect.POSTGRES) {
            return CompletableFuture.completedFuture(null);
        }
        return target.query(IdentitySequences.sync(ModelMeta.of(model)), null).thenApply(r -> null);
    }

    /**
     * Inserts a model without a key, or updates the row with its key (inserting it if no such
     * row exists). Validates first; returns the stored copy (with the generated key).
     */
    public <T> CompletableFuture<T> save(T model) {
        return Writes.save(target, model);
    }

    /** Deletes a model by its key; true if a row was deleted. */
    public <T> CompletableFuture<Boolean> delete(T model) {
        return Writes.deleteInstance(target, model);
    }

    /** The model as currently stored (by its key); {@link NotFoundException} if it is gone. */
    public <T> CompletableFuture<T> refresh(T model) {
        return refresh(target, model);
    }

    @SuppressWarnings("unchecked")
    static <T> CompletableFuture<T> refresh(Target target, T model) {
        Class<T> type = (Class<T>) model.getClass();
        return Query.of(type, target).filter(Writes.keyMap(ModelMeta.of(type), model)).get();
    }

    /** Runs {@code fn} in a transaction with default options; see {@link #atomic(AtomicOptions, Function)}. */
    public <R> CompletableFuture<R> atomic(Function<Tx, ? extends CompletionStage<R>> fn) {
        return atomic(AtomicOptions.defaults(), fn);
    }

    /**
     * Runs {@code fn} in a transaction: commits when its future succeeds, rolls back when it
     * fails (or {@code fn} throws) and fails with the original exception. With
     * {@link AtomicOptions#retries(int)}, a serialization failure or deadlock re-runs {@code fn}
     * from the start in a new transaction. {@link Tx#onCommit} callbacks run after the commit.
     * If {@code fn} called {@link Tx#setRollbackOnly()}, the transaction is rolled back and the
     * future completes normally with {@code fn}'s value (no callbacks run).
     */
    public <R> CompletableFuture<R> atomic(AtomicOptions options, Function<Tx, ? extends CompletionStage<R>> fn) {
        if (guard != null) {
            try {
                guard.beforeAtomic(target.pool());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return attempt(options, fn, 0);
    }

    private <R> CompletableFuture<R> attempt(AtomicOptions options, Function<Tx, ? extends CompletionStage<R>> fn, int n) {
        // with replicas: the primary, or a replica for a read-only block (docs/scale-out.md)
        String on = target.routing() == null ? target.pool() : target.routing().poolForTransaction(options.isReadOnly());
        // a connection lost before COMMIT was sent rolled the transaction back: safe to run again;
        // lost during COMMIT, the outcome is unknown and it is never retried (docs/scale-out.md)
        java.util.concurrent.atomic.AtomicBoolean committing = new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture<R> result = target.driver().begin(on, options.toDriver()).thenCompose(id -> {
            Target t = new Target(target.driver(), on, id, target.dialect(), new Target.Savepoints());
            Tx tx = new Tx(t, null);
            CompletableFuture<R> body = Transactions.invoke(fn, tx);
            if (options.timeout() != null) {
                body = withTimeout(body, options.timeout());
            }
            body.whenComplete((r, e) -> committing.set(e == null));
            return Transactions.finish(target, id, body, tx::isRollbackOnly)
                    .thenCompose(r -> Transactions.wrote(target, on, r)).thenApply(r -> {
                        if (!tx.isRollbackOnly()) { // rolled back on request: nothing committed, no callbacks
                            tx.runCommitCallbacks();
                        }
                        return r;
                    });
        });
        return result.exceptionallyCompose(e -> {
            Throwable cause = unwrap(e);
            boolean lostBeforeCommit = cause instanceof io.oxyde.exception.ConnectionLostException && !committing.get();
            if (n < options.retries() && cause instanceof OxydeException oe && (oe.isRetryable() || lostBeforeCommit)) {
                long base = options.backoff().toMillis() << Math.min(n, 10);
                long delay = base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
                OxydeFuture<Void> backoff = new OxydeFuture<>(); // (so the retry stays part of the chain)
                CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> backoff.complete(null));
                return backoff.thenCompose(v -> attempt(options, fn, n + 1));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private <R> CompletableFuture<R> withTimeout(CompletableFuture<R> body, Duration timeout) {
        OxydeFuture<R> timed = new OxydeFuture<>();
        Lineage.of(timed).adopt(body); // cancelling the timed future still reaches the body's statements
        body.whenComplete((r, e) -> {
            if (e == null) {
                timed.complete(r);
            } else {
                timed.completeExceptionally(unwrap(e));
            }
        });
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .execute(() -> timed.completeExceptionally(new TransactionTimeoutException(target.pool(), timeout)));
        return timed;
    }

    /**
     * Waits for a future and returns its value, rethrowing the <em>original</em> exception
     * (a {@link NotFoundException}, a {@code UniqueViolationException}…) instead of a
     * {@link CompletionException} / {@link ExecutionException} wrapper. The one documented way
     * for blocking code to use the API. While it waits it runs the query's still-queued database
     * work on the calling thread (see {@link OxydeFuture#await()}): a blocked caller then pays no
     * executor hop. An interrupt cancels nothing but is restored and
     * reported as an {@link OxydeException}.
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            // The API's futures are OxydeFutures: waiting runs their still-queued statements on this
            // thread instead of paying for a pool worker to wake up (see docs/performance.md).
            return future instanceof OxydeFuture<T> f ? f.await() : future.get();
        } catch (ExecutionException e) {
            throw rethrow(unwrap(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OxydeException("interrupted while waiting", null, null, e);
        } catch (CancellationException e) {
            throw e;
        }
    }

    /** The cause behind CompletionException / ExecutionException wrappers. */
    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A throwable as an unchecked exception to throw (checked ones are wrapped in {@link CompletionException}). */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new CompletionException(t);
    }

    /** Closes the pool if this handle opened it (open transactions on it are rolled back). */
    @Override
    public void close() {
        if (owner) {
            Router router = Router.of(target.driver(), target.pool());
            if (router != null) {
                router.close();
            }
            target.driver().pools().close(target.pool());
        }
    }

    @Override
    public String toString() {
        return "Oxyde[" + target.pool() + ", " + target.dialect() + "]";
    }
}
