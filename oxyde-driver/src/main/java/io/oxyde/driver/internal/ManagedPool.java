package io.oxyde.driver.internal;

import io.oxyde.driver.RowSink;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.oxyde.exception.ConfigurationException;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.IrTemplate;
import io.oxyde.exception.ProtocolException;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.ResultFrame;
import io.oxyde.codec.ValueKind;
import io.oxyde.codec.WireQuery;
import io.oxyde.exception.AcquireTimeoutException;
import io.oxyde.exception.ConnectionLostException;
import io.oxyde.exception.IntegrityViolationException;
import io.oxyde.driver.DatabaseUrl;
import io.oxyde.driver.ExecutorStats;
import io.oxyde.exception.InvalidQueryException;
import io.oxyde.exception.OxydeException;
import io.oxyde.exception.RenderException;
import io.oxyde.driver.OxydeFuture;
import io.oxyde.driver.Pool;
import io.oxyde.exception.PoolSaturatedException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.driver.PoolStats;
import io.oxyde.driver.StatementObserver;
import io.oxyde.query.CacheStats;
import io.oxyde.dialect.Dialect;
import io.oxyde.query.RenderPlan;
import io.oxyde.query.RenderedQuery;
import io.oxyde.query.SqlRenderer;
import io.oxyde.query.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One open pool: the HikariCP data source, the two bounded executors in front of it, the
 * render-plan cache keyed by the wire shape, and the statement runner.
 *
 * <p>Why two executors: statements outside transactions must first wait for a connection,
 * while statements of an open transaction already hold one. If both shared one executor, its
 * threads could all be waiting for connections held by transactions whose next statements sit
 * in the queue behind them. The transaction lane never waits for a connection, and since at
 * most {@code maxConnections} transactions can be open and each runs one statement at a time,
 * {@code maxConnections} threads suffice for it.
 */
public final class ManagedPool implements Pool {

    private static final int PLAN_CACHE_LIMIT = 4096;
    /**
     * The plan cache's memory budget per pool. Counting entries alone let ~1,550 distinct
     * messages of 4,000 slots (about 640 KB of plan each) fill a 1 GB heap.
     */
    static final long PLAN_CACHE_BYTES = 64L << 20;
    /** Prepared statements kept per connection (see {@link StatementCache}). */
    static final int STATEMENTS_PER_CONNECTION = 256;

    private final String name;
    private final String redactedUrl;
    private final PoolSettings settings;
    private final PoolConnections dataSource;
    private final Dialect dialect;
    private final int maxConnections;
    private final ThreadPoolExecutor statements;
    private final ThreadPoolExecutor transactions;
    private final SqlRenderer renderer;
    private final StatementRunner runner;
    private final StatementCache statementCache;
    private final ConcurrentHashMap<Object, RenderPlan> plans = new ConcurrentHashMap<>();
    /** About how much heap the cached plans hold (see {@link RenderPlan#approximateBytes()}). */
    private final AtomicLong planBytes = new AtomicLong();
    private final AtomicInteger openTransactions = new AtomicInteger();
    /** Statements running now, on a worker or on a waiting caller: whether a new one must queue. */
    private final AtomicInteger runningStatements = new AtomicInteger();
    /** IR messages received since the pool opened (see {@link PoolStats#messages()}). */
    private final LongAdder messages = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder planHits = new LongAdder();
    private final LongAdder planMisses = new LongAdder();
    private volatile StatementObserver observer;
    /** The LISTEN subscriptions on this pool ({@link PgListener}); closing the pool completes them. */
    private final java.util.Set<AutoCloseable> listeners = ConcurrentHashMap.newKeySet();
    private boolean closed;

    public ManagedPool(String name, DatabaseUrl url, PoolSettings settings, SqlRenderer renderer) {
        this(name, url.redacted(), url.dialect(), settings, renderer, DataSourceFactory.maxConnections(url, settings),
                PoolConnections.owned(DataSourceFactory.create(name, url, settings)));
    }

    /**
     * A pool over the application's own {@link DataSource}: the same executors, plan cache,
     * statement runner and transactions, but the connections (their number, timeouts and
     * driver properties) are the application's, and closing this pool leaves the data source
     * open. The executors are sized to HikariCP's maximum pool size when the data source is
     * HikariCP, else to {@code settings.connections().max()} (10 when unset).
     */
    public ManagedPool(String name, DataSource external, Dialect dialect, PoolSettings settings, SqlRenderer renderer) {
        this(name, describe(external), dialect, settings, renderer, externalSize(external, settings),
                PoolConnections.external(external));
    }

    private ManagedPool(String name, String redactedUrl, Dialect declared, PoolSettings settings, SqlRenderer renderer,
                        int maxConnections, PoolConnections connections) {
        this.name = name;
        this.redactedUrl = redactedUrl;
        this.settings = settings;
        this.renderer = renderer;
        this.maxConnections = maxConnections;
        this.dataSource = connections;
        this.dialect = detectDialect(declared);
        this.statements = TaskExecutors.bounded("oxyde-" + name, maxConnections, settings.limits().maxQueuedTasks());
        this.transactions = TaskExecutors.bounded("oxyde-" + name + "-tx", maxConnections,
                Math.max(settings.limits().maxQueuedTasks(), maxConnections));
        this.statementCache = new StatementCache(STATEMENTS_PER_CONNECTION, maxConnections);
        this.runner = new StatementRunner(name, dialect, settings.timeouts().statement(), settings.limits().maxResultRows(),
                statementCache);
    }

    private static int externalSize(DataSource external, PoolSettings settings) {
        HikariDataSource hikari = PoolConnections.external(external).hikari();
        if (hikari != null) {
            return hikari.getMaximumPoolSize();
        }
        return settings.connections().max() == null ? 10 : settings.connections().max();
    }

    private static String describe(DataSource external) {
        HikariDataSource hikari = PoolConnections.external(external).hikari();
        if (hikari != null && hikari.getJdbcUrl() != null) {
            return UrlParser.redact(hikari.getJdbcUrl());
        }
        return "application DataSource " + external.getClass().getName();
    }

    /**
     * The dialect, asking the server whether {@code mysql} is MySQL or MariaDB. An application's
     * data source is checked once here: it must connect, and hand out connections in
     * auto-commit mode (statements outside transactions rely on it).
     */
    private Dialect detectDialect(Dialect declared) {
        if (declared != Dialect.MYSQL && dataSource.owned()) {
            return declared;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!dataSource.owned() && !c.getAutoCommit()) {
                throw new ConfigurationException("autoCommit", "the DataSource for pool '" + name
                        + "' hands out connections with auto-commit off; Oxyde runs statements outside atomic(...) "
                        + "in auto-commit mode, so configure the pool with autoCommit=true");
            }
            if (declared != Dialect.MYSQL) {
                return declared;
            }
            return mySqlFamily(c);
        } catch (SQLException e) {
            dataSource.close();
            throw ErrorClassifier.translate(e, declared, name, null, false);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** MariaDB or MySQL behind a "mysql" URL; a MySQL-compatible server of another name counts as MySQL. */
    private static Dialect mySqlFamily(Connection c) throws SQLException {
        try {
            return Dialect.detect(c) == Dialect.MARIADB ? Dialect.MARIADB : Dialect.MYSQL;
        } catch (ConfigurationException e) {
            return Dialect.MYSQL;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String redactedUrl() {
        return redactedUrl;
    }

    @Override
    public PoolSettings settings() {
        return settings;
    }

    @Override
    public int maxConnections() {
        return maxConnections;
    }

    @Override
    public PoolStats stats() {
        HikariPoolMXBean mx = dataSource.hikariCounters();
        int queued = statements.getQueue().size() + transactions.getQueue().size();
        if (mx == null) {
            return new PoolStats(0, 0, 0, 0, queued, openTransactions.get(), messages.sum());
        }
        return new PoolStats(mx.getActiveConnections(), mx.getIdleConnections(), mx.getTotalConnections(),
                mx.getThreadsAwaitingConnection(), queued, openTransactions.get(), messages.sum());
    }

    @Override
    public ExecutorStats executorStats() {
        return new ExecutorStats(maxConnections, statements.getQueue().size(), transactions.getQueue().size(),
                settings.limits().maxQueuedTasks(), rejected.sum());
    }

    @Override
    public Optional<HikariDataSource> ownedHikariPool() {
        return dataSource.owned() ? Optional.of(dataSource.hikari()) : Optional.empty();
    }

    @Override
    public CacheStats planCacheStats() {
        return new CacheStats(planHits.sum(), planMisses.sum(), plans.size(), PLAN_CACHE_LIMIT);
    }

    /** Sets the observer every statement of this pool reports to ({@code null}: none). */
    public void observe(StatementObserver observer) {
        this.observer = observer;
    }

    /** The current observer, or {@code null}. */
    public StatementObserver observer() {
        return observer;
    }

    /** The number of threads the executors currently have (for tests and monitoring). */
    public int liveThreads() {
        return statements.getPoolSize() + transactions.getPoolSize();
    }

    /** Where the connections come from (Oxyde's own HikariCP pool or the application's data source). */
    public PoolConnections dataSource() {
        return dataSource;
    }

    public StatementRunner runner() {
        return runner;
    }

    /** The pool's prepared-statement cache (for tests and monitoring). */
    public StatementCache statementCache() {
        return statementCache;
    }

    /** Whether the result columns of {@code ir}'s SQL are fixed by its text (every IR but raw SQL). */
    static boolean fixedColumns(QueryIr ir) {
        return ir != null && !(ir instanceof RawIr);
    }

    AtomicInteger openTransactionCounter() {
        return openTransactions;
    }

    /**
     * Decodes, renders and runs an IR message outside any transaction: the one road every query
     * takes into a pool. Result columns are read as {@code expected} (see
     * {@link io.oxyde.driver.OxydeDriver#execute(String, byte[], List)}).
     */
    public CompletableFuture<ResultFrame> executeMessage(byte[] bytes, List<ValueKind> expected) {
        return executeMessage(bytes, new RowSetSink(expected));
    }

    /** {@link #executeMessage(byte[], List)} with the rows going to {@code sink} as they are read. */
    public CompletableFuture<ResultFrame> executeMessage(byte[] bytes, RowSink sink) {
        StatementObserver o = observer;
        Object captured = Observation.capture(o);
        return submit(statements, work -> {
            BoundMessage m = bindMessage(bytes);
            return Observation.run(o, captured, this, m.template(), false, work,
                    w -> runFresh(m.query(), sink, w, () -> IrCodec.decode(bytes), fixedColumns(m.template())));
        });
    }

    /**
     * A decoded message bound to its plan: the statements to run, and the template of the
     * message's shape (what the statement runner and the bulk-insert savepoint need to know of
     * the query without decoding it again).
     */
    public record BoundMessage(RenderedQuery query, QueryIr template) {
    }

    /**
     * Caches a plan within the cache's entry and byte budgets: when either would be exceeded,
     * the cache starts again empty (shapes in use come back at once; a flood of one-off shapes
     * cannot hold more than the budget).
     */
    private void keep(Object shape, RenderPlan plan) {
        long bytes = plan.approximateBytes();
        if (plans.size() >= PLAN_CACHE_LIMIT || planBytes.get() + bytes > PLAN_CACHE_BYTES) {
            plans.clear();
            planBytes.set(0);
        }
        if (plans.putIfAbsent(shape, plan) == null) {
            planBytes.addAndGet(bytes);
        }
    }

    /** About how much heap the cached plans hold now (for tests and monitoring). */
    public long planCacheBytes() {
        return planBytes.get();
    }

    /** Decodes an IR message and binds it through the plan cache (shape → plan, then the values). */
    public BoundMessage bindMessage(byte[] bytes) {
        messages.increment();
        WireQuery wire;
        try {
            wire = IrCodec.read(bytes);
        } catch (ProtocolException e) {
            throw new ProtocolException(e.path(), e.problem(), name, e);
        } catch (RuntimeException e) {
            throw new ProtocolException("message", "unreadable IR message: " + e, name, e);
        }
        RenderPlan plan;
        try {
            plan = plans.get(wire.shape());
            if (plan != null) {
                planHits.increment();
            } else {
                planMisses.increment();
                plan = renderer.uncachedPlan(wire.template(), dialect); // kept below, in this pool's own cache
                if (wire.values().size() <= SqlRenderer.MAX_CACHED_SLOTS) { // huge plans are not kept (see there)
                    keep(wire.shape().compact(), plan); // not the view into this message
                }
            }
            ProtocolException mismatch = plan.slotMismatch(wire.values());
            if (mismatch != null) {
                // the shape was validated when first seen; this message's values must still fit it
                throw mismatch; // reported with the pool by the catch below
            }
            return new BoundMessage(checkBinds(plan.bind(wire.values())), plan.template());
        } catch (ProtocolException e) {
            throw new ProtocolException(e.path(), e.problem(), name, e);
        } catch (RenderException e) { // the renderer's refusal, reported with the pool and dialect
            throw new InvalidQueryException("cannot render the query for " + dialect + ": " + e.getMessage(), name, e);
        } catch (OxydeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidQueryException("cannot render the query for " + dialect + ": " + e.getMessage(), name, e);
        }
    }

    /**
     * Validates a typed IR with the protocol's rules and limits (the same as for bytes, e.g.
     * nesting depth), then renders it through the renderer's plan cache. Not a way in for
     * queries (they arrive as messages): only the bulk-insert probes of {@link InsertLocator}
     * use it, to re-run prefixes of an insert whose message already failed.
     *
     * <p>The whole query is validated the first time its shape is seen; after that the cached
     * plan proves the shape was valid, and only the values are checked (their sizes can differ
     * per call). If a value fails, the whole query is validated again so the error names the
     * value's place in the query, exactly as on first sight.
     */
    RenderedQuery render(QueryIr ir) {
        RenderedQuery rendered;
        try {
            IrTemplate.Parameterized p = parameterize(ir);
            RenderPlan plan = p.values().size() <= SqlRenderer.MAX_CACHED_SLOTS
                    ? renderer.cachedPlan(p.template(), dialect) : null;
            if (plan == null) {
                IrCodec.validate(ir);
                plan = renderer.plan(p.template(), dialect);
            } else {
                try {
                    IrCodec.validateValues(p.values());
                } catch (ProtocolException e) {
                    IrCodec.validate(ir); // the same error, located in the query
                    throw e;
                }
            }
            rendered = plan.bind(p.values());
        } catch (ProtocolException e) {
            throw new InvalidQueryException("invalid query: " + e.getMessage(), name, e);
        } catch (RenderException e) { // the renderer's refusal, reported with the pool and dialect
            throw new InvalidQueryException("cannot render the query for " + dialect + ": " + e.getMessage(), name, e);
        } catch (OxydeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidQueryException("cannot render the query for " + dialect + ": " + e.getMessage(), name, e);
        }
        return checkBinds(rendered);
    }

    /**
     * Splits the IR into template and values. The protocol's depth limit is checked by
     * validation, which on a first sight runs after this walk; a tree deep enough to overflow
     * the stack here is refused with the same kind of error.
     */
    private IrTemplate.Parameterized parameterize(QueryIr ir) {
        try {
            return IrTemplate.parameterize(ir);
        } catch (StackOverflowError e) {
            throw new InvalidQueryException("invalid query: nested deeper than " + IrCodec.MAX_DEPTH + " levels",
                    name, null);
        }
    }

    /**
     * Refuses a statement with more bind parameters than the dialect allows in one statement
     * (a huge IN list): the drivers would fail with messages of their own, or (Connector/J
     * with client-side prepares, some SQLite builds) run it, so the limit is enforced here,
     * the same on every database. Inserts and bulk updates never hit it: the renderer chunks
     * them into several statements.
     */
    private RenderedQuery checkBinds(RenderedQuery query) {
        for (SqlStatement s : query.statements()) {
            if (s.binds().size() > dialect.maxBindParameters()) {
                throw new InvalidQueryException("the statement needs " + s.binds().size() + " bind parameters but "
                        + dialect + " allows at most " + dialect.maxBindParameters() + " in one statement; split the "
                        + "IN list (or the query) into smaller parts", name, null);
            }
        }
        return query;
    }

    private ResultFrame runFresh(RenderedQuery query, RowSink sink, Work work, Supplier<QueryIr> source,
                                 boolean fixedColumns) throws SQLException {
        Connection c = null;
        String sql = query.statements().get(0).sql();
        try {
            c = dataSource.getConnection();
            work.acquired();
            if (query.statements().size() > 1) {
                // a chunked bulk insert is all or nothing
                c.setAutoCommit(false);
                try {
                    ResultFrame frame = runner.run(c, query, sink, work, fixedColumns);
                    c.commit();
                    return frame;
                } catch (SQLException | RuntimeException e) {
                    if (!rollbackQuietly(c)) {
                        // never hand back a connection whose half-done work a reset could commit
                        dataSource.evictConnection(c);
                        c = null;
                    }
                    throw e;
                }
            }
            return runner.run(c, query, sink, work, fixedColumns);
        } catch (SQLException e) {
            OxydeException error = ErrorClassifier.translate(e, dialect, name, sql, work.timedOut());
            if (error instanceof ConnectionLostException && c != null) {
                dataSource.evictConnection(c);
                c = null;
            }
            if (error instanceof IntegrityViolationException && c != null && !locateFailedRow(c, (IntegrityViolationException) error,
                    source, work)) {
                dataSource.evictConnection(c);
                c = null;
            }
            throw error;
        } finally {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // Hikari returns the connection or discards it itself
                }
            }
        }
    }

    /**
     * After a failed multi-row insert outside a transaction: probe in a transaction of its own,
     * rolled back. Returns {@code false} if that rollback failed, so the caller evicts the
     * connection rather than let a reset of auto-commit commit the probe's rows.
     */
    private boolean locateFailedRow(Connection c, IntegrityViolationException error, Supplier<QueryIr> source, Work work) {
        InsertIr insert;
        try {
            insert = InsertLocator.multiRow(source.get());
        } catch (RuntimeException e) {
            return true;
        }
        if (insert == null) {
            return true;
        }
        try {
            boolean auto = c.getAutoCommit();
            if (auto) {
                c.setAutoCommit(false);
            }
            try {
                InsertLocator.locate(c, insert, error, this, work);
            } catch (RuntimeException e) {
                error.addSuppressed(e);
            }
            if (!rollbackQuietly(c)) {
                return false;
            }
            if (auto) {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            error.addSuppressed(e);
        }
        return true;
    }

    /**
     * Rolls back, keeping the original failure the one reported; returns whether it worked.
     * Statements run on the physical connection (see {@link StatementCache}), so HikariCP does
     * not know the transaction is dirty and would not roll it back itself: a caller whose
     * rollback failed evicts the connection instead of returning it.
     */
    static boolean rollbackQuietly(Connection c) {
        try {
            c.rollback();
            return true;
        } catch (SQLException ignored) {
            // the original failure matters more
            return false;
        }
    }

    /** Work that runs on a connection and may throw SQL errors. */
    @FunctionalInterface
    public interface Task<T> {
        T run(Work work) throws Exception;
    }

    /** Runs {@code task} on the statement executor; the future cancels the work when cancelled. */
    public <T> CompletableFuture<T> submit(Task<T> task) {
        return submit(statements, task);
    }

    /** Runs {@code task} on the transaction lane. */
    <T> CompletableFuture<T> submitTx(Task<T> task, CompletableFuture<T> result, Runnable after) {
        return submit(transactions, task, result, after);
    }

    private <T> CompletableFuture<T> submit(ThreadPoolExecutor executor, Task<T> task) {
        return submit(executor, task, new OxydeFuture<>(), null);
    }

    private <T> CompletableFuture<T> submit(ThreadPoolExecutor executor, Task<T> task, CompletableFuture<T> result,
                                            Runnable after) {
        Work work = new Work();
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                work.cancel();
            }
        });
        boolean statement = executor == statements;
        Lineage.Claim runnable = new Lineage.Claim(() -> {
            if (statement) {
                runningStatements.incrementAndGet();
            }
            try {
                if (!result.isDone()) {
                    result.complete(task.run(work));
                }
            } catch (Throwable e) {
                result.completeExceptionally(ErrorClassifier.translate(e, dialect, name, null, work.timedOut()));
            } finally {
                if (statement) {
                    runningStatements.decrementAndGet();
                }
                if (after != null) {
                    after.run();
                }
            }
        });
        Lineage lineage = result instanceof OxydeFuture<?> f ? Lineage.of(f) : null;
        if (lineage != null) {
            lineage.addRoot(result);
        }
        boolean busy = statement && runningStatements.get() >= maxConnections; // (an O(1) read: no executor lock)
        if (busy) {
            acquireDeadline(runnable, work, result, executor);
        }
        boolean defer = statement && DeferredDispatch.mayDefer(runnable); // (records the thread's habit)
        if (defer && lineage != null && !busy) {
            // a caller that runs its own statements: queue it in its chain only, wake no worker
            DeferredDispatch.defer(runnable, () -> dispatch(executor, runnable, result, after, null));
            lineage.queued(runnable);
            return result;
        }
        dispatch(executor, runnable, result, after, lineage);
        return result;
    }

    /**
     * Hands {@code runnable} to a worker of {@code executor} (and, given its lineage, queues it
     * there for a caller blocked in {@code OxydeFuture.await} to run first); a refusal fails
     * {@code result}.
     */
    private <T> void dispatch(ThreadPoolExecutor executor, Lineage.Claim runnable, CompletableFuture<T> result,
                              Runnable after, Lineage lineage) {
        try {
            executor.execute(runnable);
            if (lineage != null) {
                lineage.queued(runnable); // a caller blocked in OxydeFuture.await may run it before a worker wakes
            }
        } catch (RejectedExecutionException e) {
            if (!executor.isShutdown()) {
                rejected.increment();
            }
            result.completeExceptionally(executor.isShutdown()
                    ? io.oxyde.exception.PoolNotFoundException.closed(name)
                    : new PoolSaturatedException("pool '" + name + "' is saturated: " + executor.getQueue().size()
                            + " tasks already queued (maxQueuedTasks " + settings.limits().maxQueuedTasks() + ")", name, e));
            if (after != null) {
                after.run();
            }
        }
    }

    /**
     * Bounds the wait of a statement that has to queue (every worker busy) by the acquire
     * timeout, as HikariCP bounds the wait for a connection: at the deadline, a statement that
     * has not started is taken out of the queue, and one waiting for a connection will not run
     * when it gets one; either way the caller gets {@link AcquireTimeoutException} then. A statement
     * that already has its connection is left alone, so a caller is never told of a timeout for
     * a statement that ran. Idle workers mean no queue, and HikariCP's own timeout suffices, so
     * the timer is only armed when the task will wait.
     */
    private <T> void acquireDeadline(Lineage.Claim task, Work work, CompletableFuture<T> result,
                                     ThreadPoolExecutor executor) {
        long millis = settings.timeouts().acquire().toMillis();
        ScheduledFuture<?> deadline = Timers.timer().schedule(() -> {
            if (result.isDone() || !(task.take() || work.expireIfWaiting())) {
                return;
            }
            result.completeExceptionally(new AcquireTimeoutException("no connection available within the acquire timeout of "
                    + millis + " ms: every connection stayed busy while the statement waited ("
                    + executor.getQueue().size() + " tasks queued, " + executor.getActiveCount() + " running)",
                    name, null, null));
        }, millis, TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> deadline.cancel(false));
    }

    /** Stops the executors and closes every connection. */
    public void close() {
        synchronized (listeners) {
            closed = true;
        }
        for (AutoCloseable l : listeners.toArray(new AutoCloseable[0])) {
            try {
                l.close();
            } catch (Exception ignored) {
                // a listener's close only signals its subscriber
            }
        }
        statements.shutdown();
        transactions.shutdown();
        statementCache.close();
        dataSource.close();
    }

    /** Registers a LISTEN subscription to complete on close; false if the pool is closed already. */
    boolean addListener(AutoCloseable listener) {
        synchronized (listeners) {
            if (closed) {
                return false;
            }
            return listeners.add(listener);
        }
    }

    void removeListener(AutoCloseable listener) {
        listeners.remove(listener);
    }
}
