package io.oxyde.internal.routing;

import io.oxyde.Replicas;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.RowSet;
import io.oxyde.exception.ConfigurationException;
import io.oxyde.driver.DatabaseUrl;
import io.oxyde.driver.OxydeDriver;
import io.oxyde.driver.PoolSettings;
import io.oxyde.dialect.Dialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicas of one routed database: their pools (named {@code <primary>.replica<n>} in the
 * driver's registry), whether each is up, and, on PostgreSQL, how far each has replayed the
 * primary's WAL. A daemon thread checks every replica at the configured interval. Routers are
 * found by (driver, primary pool name), so {@code Oxyde.database(name)} routes as well.
 */
public final class Router implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final ConcurrentHashMap<Key, Router> ROUTERS = new ConcurrentHashMap<>();

    private record Key(OxydeDriver driver, String pool) {
    }

    /** One replica and what the health check last saw. */
    static final class Replica {
        final String pool;
        final String url;
        /** Whether its pool is open (a replica down at connect time is opened by a later check). */
        volatile boolean opened;
        volatile boolean up;
        /** The last replay position read (PostgreSQL), or -1 when unknown. */
        volatile long replayed = -1;

        Replica(String pool, String url, boolean opened) {
            this.pool = pool;
            this.url = url;
            this.opened = opened;
            this.up = opened;
        }
    }

    private final OxydeDriver driver;
    private final String primary;
    private final Dialect dialect;
    private final Replicas config;
    private final List<Replica> replicas;
    private final AtomicInteger next = new AtomicInteger();
    private final ScheduledExecutorService checker;
    private final Session shared;
    private final PoolSettings replicaSettings;
    private volatile boolean closed;

    private Router(OxydeDriver driver, String primary, Dialect dialect, Replicas config, List<Replica> replicas,
                   PoolSettings replicaSettings) {
        this.replicaSettings = replicaSettings;
        this.driver = driver;
        this.primary = primary;
        this.dialect = dialect;
        this.config = config;
        this.replicas = replicas;
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oxyde-replica-check-" + primary);
            t.setDaemon(true);
            return t;
        });
        this.shared = new Session(this, null);
    }

    /**
     * Opens the replicas' pools beside the already open primary pool {@code primary} and starts
     * routing for it. A replica URL that does not parse, or a replica of another dialect, fails
     * at once (closing whatever was opened); a replica that cannot be reached is marked down and
     * opened by a later health check.
     */
    public static Router open(OxydeDriver driver, String primary, Replicas config, PoolSettings primarySettings) {
        Objects.requireNonNull(config, "replicas");
        Dialect dialect = driver.pools().get(primary).dialect();
        for (String url : config.urls()) {
            DatabaseUrl.parse(url); // a malformed URL is a configuration error, never "down"
        }
        PoolSettings settings = config.replicaSettings() != null ? config.replicaSettings() : primarySettings;
        List<Replica> replicas = new ArrayList<>();
        try {
            for (int i = 0; i < config.urls().size(); i++) {
                String name = primary + ".replica" + (i + 1);
                String url = config.urls().get(i);
                boolean opened = tryOpen(driver, name, url, settings, dialect, true);
                replicas.add(new Replica(name, url, opened));
            }
        } catch (RuntimeException e) {
            for (Replica r : replicas) {
                driver.pools().close(r.pool);
            }
            throw e;
        }
        Router router = new Router(driver, primary, dialect, config, List.copyOf(replicas), settings);
        Key key = new Key(driver, primary);
        if (ROUTERS.putIfAbsent(key, router) != null) {
            router.closeReplicas();
            throw new IllegalStateException("pool '" + primary + "' already routes to replicas");
        }
        long every = config.healthCheckInterval().toNanos();
        router.checker.scheduleWithFixedDelay(router::checkAll, 0, every, TimeUnit.NANOSECONDS);
        return router;
    }

    /**
     * Opens a replica's pool; false when the server cannot be reached (it stays down). A replica of
     * another dialect than the primary is refused.
     */
    private static boolean tryOpen(OxydeDriver driver, String name, String url, PoolSettings settings, Dialect dialect,
                                   boolean first) {
        try {
            driver.pools().init(name, url, settings);
        } catch (ConfigurationException e) {
            if (first) {
                LOG.warn("replica {} cannot be reached; it stays down until a health check opens it: {}", name,
                        e.getMessage());
            } else {
                LOG.debug("replica {} still cannot be reached: {}", name, e.getMessage());
            }
            return false;
        }
        Dialect d = driver.pools().get(name).dialect();
        if (d != dialect) {
            driver.pools().close(name);
            throw new IllegalArgumentException("replica " + name + " is " + d + " but the primary is " + dialect);
        }
        return true;
    }

    /** The router of a primary pool, or {@code null} when the pool has no replicas. */
    public static Router of(OxydeDriver driver, String pool) {
        return ROUTERS.isEmpty() ? null : ROUTERS.get(new Key(driver, pool));
    }

    /** The shared session of a primary pool (handles that did not ask for their own), or {@code null}. */
    public static Session session(OxydeDriver driver, String pool) {
        Router r = of(driver, pool);
        return r == null ? null : r.shared;
    }

    /** A new session: read-your-writes tracked on its own. */
    public Session newSession() {
        return new Session(this, null);
    }

    /** The primary pool's name. */
    public String primary() {
        return primary;
    }

    /** The replica pools' names. */
    public List<String> replicaPools() {
        return replicas.stream().map(r -> r.pool).toList();
    }

    /** Whether the health check currently counts this replica pool as up. */
    public boolean isUp(String replicaPool) {
        return replicas.stream().anyMatch(r -> r.pool.equals(replicaPool) && r.up);
    }

    OxydeDriver driver() {
        return driver;
    }

    Dialect dialect() {
        return dialect;
    }

    Replicas config() {
        return config;
    }

    /**
     * The next healthy replica (in turn) that has replayed at least {@code minimumLsn} (0: any),
     * or {@code null} when none qualifies.
     */
    String pickReplica(long minimumLsn) {
        int n = replicas.size();
        int start = Math.floorMod(next.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            Replica r = replicas.get((start + i) % n);
            if (r.opened && r.up && (minimumLsn <= 0 || r.replayed >= minimumLsn)) {
                return r.pool;
            }
        }
        return null;
    }

    boolean isReplica(String pool) {
        for (Replica r : replicas) {
            if (r.pool.equals(pool)) {
                return true;
            }
        }
        return false;
    }

    void markDown(String pool, Throwable why) {
        for (Replica r : replicas) {
            if (r.pool.equals(pool) && r.up) {
                r.up = false;
                LOG.warn("replica {} marked down: {}", pool, why.toString());
            }
        }
    }

    /** Checks every replica now and waits for the answers (the checker thread's job). */
    public void checkAll() {
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        for (Replica r : replicas) {
            checks.add(check(r));
        }
        try {
            CompletableFuture.allOf(checks.toArray(new CompletableFuture[0])).join();
        } catch (RuntimeException ignored) {
            // each check records its own outcome
        }
    }

    private CompletableFuture<Void> check(Replica r) {
        if (!r.opened) {
            synchronized (r) {
                if (closed) {
                    return CompletableFuture.completedFuture(null);
                }
                try {
                    r.opened = tryOpen(driver, r.pool, r.url, replicaSettings, dialect, false);
                } catch (RuntimeException e) {
                    LOG.error("replica {} refused: {}", r.pool, e.getMessage());
                }
                if (!r.opened) {
                    return CompletableFuture.completedFuture(null);
                }
                LOG.info("replica {} opened", r.pool);
            }
        }
        String sql = dialect == Dialect.POSTGRES ? "SELECT pg_last_wal_replay_lsn()::text" : "SELECT 1";
        Duration limit = config.healthCheckInterval().multipliedBy(3);
        if (limit.compareTo(Duration.ofSeconds(2)) < 0) {
            limit = Duration.ofSeconds(2);
        }
        CompletableFuture<RowSet> answer;
        try {
            answer = driver.query(r.pool, new RawIr(sql, List.of()), null);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS).handle((rs, e) -> {
            if (e != null) {
                markDown(r.pool, e);
                return null;
            }
            if (dialect == Dialect.POSTGRES) {
                Object lsn = rs.rows().get(0).get(0).toJava();
                // null: not in recovery (a promoted replica) — its position no longer tracks the primary
                r.replayed = lsn == null ? -1 : Lsn.parse(lsn.toString());
            }
            if (!r.up) {
                LOG.info("replica {} is up again", r.pool);
            }
            r.up = true;
            return null;
        });
    }

    /** Stops routing and closes the replicas' pools (the primary's pool is its owner's to close). */
    @Override
    public void close() {
        closed = true;
        ROUTERS.remove(new Key(driver, primary), this);
        checker.shutdownNow();
        closeReplicas();
    }

    private void closeReplicas() {
        for (Replica r : replicas) {
            synchronized (r) { // not while a health check is opening it
                driver.pools().close(r.pool);
            }
        }
    }

    /** PostgreSQL WAL positions ({@code 16/B374D848}) as comparable numbers. */
    static final class Lsn {
        private Lsn() {
        }

        static long parse(String text) {
            int slash = text.indexOf('/');
            return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
        }
    }
}
