package io.oxyde.driver;

import io.oxyde.driver.internal.ManagedPool;
import io.oxyde.driver.internal.Observation;
import io.oxyde.driver.internal.TransactionRegistry;
import io.oxyde.dialect.Dialect;
import io.oxyde.query.SqlRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.sql.DataSource;
import io.oxyde.exception.ConfigurationException;
import io.oxyde.exception.PoolAlreadyExistsException;
import io.oxyde.exception.PoolNotFoundException;

/**
 * Named connection pools, the analogue of the original's global pool registry: a pool is
 * initialised once under a name, looked up by name for every statement, and closed by name.
 * Lookups are lock-free; initialising and closing are serialised so a name is never opened
 * twice. It also owns the transactions opened on its pools.
 *
 * <p>{@link #global()} is the process-wide registry used by default; tests create their own
 * instances so they never share pools.
 */
public final class PoolRegistry implements AutoCloseable {

    private static final PoolRegistry GLOBAL = new PoolRegistry();

    private final ConcurrentHashMap<String, ManagedPool> pools = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private final SqlRenderer renderer = new SqlRenderer();
    private final TransactionRegistry transactions = new TransactionRegistry();
    private final List<StatementObserver> observers = new CopyOnWriteArrayList<>();

    /** The process-wide registry. */
    public static PoolRegistry global() {
        return GLOBAL;
    }

    /**
     * Opens a pool under {@code name}, connecting once to check the URL and credentials.
     *
     * @throws PoolAlreadyExistsException if the name is taken
     * @throws ConfigurationException if the URL or settings are invalid or the database
     *     cannot be reached (the message hides any password)
     */
    public Pool init(String name, String url, PoolSettings settings) {
        Objects.requireNonNull(name, "name");
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        return register(name, s -> new ManagedPool(name, parsed, s, renderer), settings);
    }

    /**
     * Opens a pool under {@code name} over the application's own {@link DataSource} (a
     * HikariCP pool it configured, a container's pool…): Oxyde's executors, caches and
     * transactions run on connections borrowed from it. Of {@code settings}, only what is not
     * about the connections applies (executor queue, statement and transaction timeouts,
     * result limits, and {@code maxConnections} to size the executors when the data source is
     * not HikariCP). Connects once to check that the data source works and hands out
     * connections in auto-commit mode.
     *
     * <p>Who closes what: {@link #close(String)} stops the executors and rolls back open
     * transactions, but never closes the data source; the application that created it closes
     * it, after the pool.
     *
     * @param dialect the database behind it ({@code MYSQL} is checked against the server and
     *     becomes {@code MARIADB} where it is one)
     * @throws PoolAlreadyExistsException if the name is taken
     * @throws ConfigurationException if the data source cannot connect or has auto-commit off
     */
    public Pool init(String name, DataSource dataSource, Dialect dialect, PoolSettings settings) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dialect, "dialect");
        return register(name, s -> new ManagedPool(name, dataSource, dialect, s, renderer), settings);
    }

    private Pool register(String name, Function<PoolSettings, ManagedPool> open, PoolSettings settings) {
        synchronized (lifecycle) {
            if (pools.containsKey(name)) {
                throw new PoolAlreadyExistsException(name);
            }
            ManagedPool pool = open.apply(settings == null ? PoolSettings.defaults() : settings);
            pool.observe(Observation.all(observers));
            pools.put(name, pool);
            return pool;
        }
    }

    /** Opens a pool with default settings. */
    public Pool init(String name, String url) {
        return init(name, url, PoolSettings.defaults());
    }

    /**
     * The pool with this name.
     *
     * @throws PoolNotFoundException naming the unknown pool and the known ones
     */
    public Pool get(String name) {
        return managed(name);
    }

    /** Whether a pool with this name is open. */
    public boolean contains(String name) {
        return pools.containsKey(name);
    }

    /** The names of the open pools, sorted. */
    public List<String> names() {
        return new ArrayList<>(new TreeSet<>(pools.keySet()));
    }

    /**
     * Closes the pool: its open transactions are rolled back and end as FAILED, queued work is
     * dropped, connections are closed.
     *
     * @return whether a pool with this name existed
     */
    public boolean close(String name) {
        ManagedPool pool;
        synchronized (lifecycle) {
            pool = pools.remove(name);
        }
        if (pool == null) {
            return false;
        }
        transactions.abandon(pool);
        pool.close();
        return true;
    }

    /** Closes every pool. */
    public void closeAll() {
        for (String name : names()) {
            close(name);
        }
    }

    /** Closes every pool and stops the transaction reaper; the registry is unusable after. */
    @Override
    public void close() {
        closeAll();
        if (this != GLOBAL) {
            transactions.close();
        }
    }

    /**
     * Registers an observer of every statement on every pool of this registry, open now or
     * later (metrics, tracing; see {@link StatementObserver}). Several may be registered; each
     * hears every statement.
     *
     * @return a handle whose {@code close()} unregisters it
     */
    public AutoCloseable observe(StatementObserver observer) {
        Objects.requireNonNull(observer, "observer");
        synchronized (lifecycle) {
            observers.add(observer);
            pushObservers();
        }
        return () -> {
            synchronized (lifecycle) {
                observers.remove(observer);
                pushObservers();
            }
        };
    }

    private void pushObservers() {
        StatementObserver all = Observation.all(observers);
        for (ManagedPool pool : pools.values()) {
            pool.observe(all);
        }
    }

    ManagedPool managed(String name) {
        ManagedPool pool = name == null ? null : pools.get(name);
        if (pool == null) {
            throw new PoolNotFoundException(name, names());
        }
        return pool;
    }

    TransactionRegistry transactions() {
        return transactions;
    }

    SqlRenderer renderer() {
        return renderer;
    }
}
