package io.oxyde.reliability;

import io.oxyde.codec.MutationResult;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.ResultFrame;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.Value;
import io.oxyde.driver.OxydeDriver;
import io.oxyde.driver.Pool;
import io.oxyde.driver.PoolRegistry;
import io.oxyde.driver.PoolSettings;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A private pool registry and driver with one pool on a test database, plus the fault tools
 * the tests need: the server session ids of this pool's own connections (never anyone
 * else's: other test runs share the servers) and a way to kill them.
 */
final class Rig implements AutoCloseable {

    static final String POOL = "rel";
    /** Generous bound for any single future: a hang fails the test instead of blocking it. */
    static final long WAIT_SECONDS = 60;

    final TestDatabase db;
    final PoolRegistry registry = new PoolRegistry();
    final OxydeDriver driver = new OxydeDriver(registry);
    final String applicationName = "rel_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    final Pool pool;

    Rig(TestDatabase db, PoolSettings.Builder settings) {
        this.db = db;
        this.pool = registry.init(POOL, db.oxydeUrl(), settings.applicationName(applicationName).build());
    }

    DatabaseKind kind() {
        return db.kind();
    }

    boolean isServer() {
        return db.kind() != DatabaseKind.SQLITE;
    }

    static RawIr raw(String sql, Object... params) {
        return new RawIr(sql, Arrays.stream(params).map(Value::of).toList());
    }

    long sql(String sql, Object... params) {
        ResultFrame f = await(driver.execute(POOL, raw(sql, params)));
        return f instanceof MutationResult ? ((MutationResult) f).affected() : -1;
    }

    RowSet rows(String sql, Object... params) {
        return await(driver.query(POOL, raw(sql, params), null));
    }

    long scalar(String sql, Object... params) {
        return ((Number) rows(sql, params).rows().get(0).get(0).toJava()).longValue();
    }

    ResultFrame run(QueryIr ir) {
        return await(driver.execute(POOL, ir));
    }

    /** SQL that runs for about {@code seconds} on this database (SQLite: a long recursive count). */
    String slowSql(double seconds) {
        switch (db.kind()) {
            case POSTGRES:
                return "SELECT 1 FROM pg_sleep(" + seconds + ")";
            case MARIADB:
                return "SELECT SLEEP(" + seconds + ")";
            default:
                long n = (long) (seconds * 3_000_000);
                return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " + n
                        + ") SELECT count(*) FROM c";
        }
    }

    /** Server session ids of this pool's connections (PostgreSQL: application_name; MariaDB: its own database). */
    List<Long> sessions() throws SQLException {
        String sql = db.kind() == DatabaseKind.POSTGRES
                ? "SELECT pid FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()"
                : "SELECT id FROM information_schema.processlist WHERE db = DATABASE() AND id <> CONNECTION_ID()"
                        + " AND user = ? AND command <> 'Killed'";
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, db.kind() == DatabaseKind.POSTGRES ? applicationName : db.user());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Kills these server sessions (PostgreSQL pg_terminate_backend, MariaDB KILL). */
    void kill(List<Long> ids) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (long id : ids) {
                try {
                    s.execute(db.kind() == DatabaseKind.POSTGRES ? "SELECT pg_terminate_backend(" + id + ")" : "KILL " + id);
                } catch (SQLException e) {
                    // the session ended by itself in the meantime (MariaDB: unknown thread id)
                }
            }
        }
    }

    /** Waits until {@code n} statements of this pool run on the server (matched by a comment marker). */
    void awaitRunning(String marker, int n) throws Exception {
        String sql = db.kind() == DatabaseKind.POSTGRES
                ? "SELECT count(*) FROM pg_stat_activity WHERE query LIKE ? AND state = 'active' AND pid <> pg_backend_pid()"
                : "SELECT count(*) FROM information_schema.processlist WHERE info LIKE ? AND id <> CONNECTION_ID()";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "%" + marker + "%");
            eventually(() -> {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) >= n;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, "statements marked " + marker + " running on the server");
        }
    }

    /** Polls {@code condition} every 20 ms for up to 30 s. */
    static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Waits until no connection is lent out and nothing is queued. */
    void awaitQuiet() throws InterruptedException {
        eventually(() -> pool.stats().activeConnections() == 0 && pool.stats().queuedTasks() == 0
                && pool.stats().openTransactions() == 0, "pool quiet, stats " + pool.stats());
    }

    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("a future did not complete within " + WAIT_SECONDS + " s", e);
        }
    }

    /** The exception a future failed with; fails the test if it succeeded or hung. */
    static Throwable failure(CompletableFuture<?> f) {
        try {
            Object r = f.get(WAIT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + r);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("a future did not complete within " + WAIT_SECONDS + " s", e);
        }
    }

    /** The outcome of a future: null if it succeeded, else its exception; fails the test if it hung. */
    static Throwable outcome(CompletableFuture<?> f) {
        try {
            f.get(WAIT_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("a future did not complete within " + WAIT_SECONDS + " s", e);
        }
    }

    /**
     * The live threads this rig's pool runs: its statement and transaction workers
     * ({@code oxyde-rel-N}, {@code oxyde-rel-tx-N}) and HikariCP's ({@code oxyde-rel housekeeper} …).
     */
    static java.util.List<String> poolThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("oxyde-" + POOL + "-") || n.startsWith("oxyde-" + POOL + " ")).sorted().toList();
    }

    /**
     * After {@link #close()}, every thread the pool started ends (within the 30 s of
     * {@link #eventually}); a fuzz run must not leave workers or connections behind.
     */
    static void assertPoolThreadsGone() throws InterruptedException {
        eventually(() -> poolThreads().isEmpty(), "the pool's threads to end, still alive: " + poolThreads());
    }

    @Override
    public void close() {
        registry.close();
    }
}
