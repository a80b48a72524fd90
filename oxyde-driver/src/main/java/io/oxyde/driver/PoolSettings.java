package io.oxyde.driver;

import io.oxyde.exception.ConfigurationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything tunable about one named pool, grouped by concern: the connections HikariCP keeps
 * ({@link Connections}), the limits of the executor in front of them ({@link Limits}), timeouts
 * ({@link Timeouts}), SQLite's pragmas ({@link Sqlite}) and TLS ({@link Tls}). Anything specific to
 * one JDBC driver (pgjdbc's {@code prepareThreshold}, Connector/J's {@code useServerPrepStmts} …)
 * is a raw {@link #driverProperties() driver property}, as in HikariCP's
 * {@code addDataSourceProperty}: Oxyde sets a few per-dialect defaults (listed in
 * {@code docs/connections.md}) and a driver property of the same name overrides them.
 *
 * <p>Build it with {@link #builder()}; every setting has a sensible default, and values the
 * dialect does not use are ignored. Immutable and thread-safe. {@code null} for an optional
 * setting means "the driver's own default".
 */
public final class PoolSettings {

    /** SQLite's {@code journal_mode}. */
    public enum JournalMode { DELETE, TRUNCATE, PERSIST, MEMORY, WAL, OFF }

    /** SQLite's {@code synchronous}. */
    public enum Synchronous { OFF, NORMAL, FULL, EXTRA }

    /**
     * The connections HikariCP keeps.
     *
     * @param max the most open connections ({@code null}: 10, 4 on SQLite, 1 for an in-memory SQLite)
     * @param min the idle connections kept open ({@code null}: 1)
     * @param idleTimeout how long an idle connection above {@code min} is kept
     * @param maxLifetime the age at which a connection is retired (zero: never)
     * @param testBeforeAcquire whether idle connections are kept alive and checked
     */
    public record Connections(Integer max, Integer min, Duration idleTimeout, Duration maxLifetime,
                              boolean testBeforeAcquire) {
    }

    /**
     * How much work a pool accepts, so overload fails fast instead of queueing without bound.
     *
     * @param maxQueuedTasks statements waiting for a worker before new work fails with
     *                       {@code PoolSaturatedException}
     * @param maxResultRows rows one query may return before it fails with {@code ResultTooLargeException}
     */
    public record Limits(int maxQueuedTasks, int maxResultRows) {
    }

    /**
     * How long work may wait or run.
     *
     * @param acquire waiting for a connection, wherever the caller waits ({@code AcquireTimeoutException})
     * @param statement one statement ({@code null}: none; {@code StatementTimeoutException})
     * @param transaction an {@code atomic} block or idle driver transaction before it is rolled back
     */
    public record Timeouts(Duration acquire, Duration statement, Duration transaction) {
    }

    /**
     * SQLite's pragmas, set on every connection.
     *
     * @param journalMode {@code journal_mode} (not for in-memory databases)
     * @param synchronous {@code synchronous}
     * @param cacheSize {@code cache_size} in pages, or negative KiB ({@code null}: SQLite's default)
     * @param busyTimeout how long a writer waits for the lock
     * @param foreignKeys {@code foreign_keys}, on by default so that SQLite enforces what the others do
     */
    public record Sqlite(JournalMode journalMode, Synchronous synchronous, Integer cacheSize, Duration busyTimeout,
                         boolean foreignKeys) {
    }

    /**
     * TLS for the servers ({@code null} fields: the driver's defaults).
     *
     * @param mode how strictly the server is checked
     * @param rootCert the CA certificate file (PEM for PostgreSQL; a trust store URL for MySQL/MariaDB)
     * @param cert the client certificate (PostgreSQL) or client key store URL (MySQL/MariaDB)
     * @param key the client private key file (PostgreSQL: PKCS-8 DER or PKCS-12)
     */
    public record Tls(SslMode mode, String rootCert, String cert, String key) {
    }

    private final Connections connections;
    private final Limits limits;
    private final Timeouts timeouts;
    private final Sqlite sqlite;
    private final Tls tls;
    private final String applicationName;
    private final boolean pooled;
    private final Map<String, String> driverProperties;

    private PoolSettings(Builder b) {
        connections = b.connections;
        limits = b.limits;
        timeouts = b.timeouts;
        sqlite = b.sqlite;
        tls = b.tls;
        applicationName = b.applicationName;
        pooled = b.pooled;
        driverProperties = Map.copyOf(b.driverProperties);
    }

    /** All defaults. */
    public static PoolSettings defaults() {
        return builder().build();
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connections = connections;
        b.limits = limits;
        b.timeouts = timeouts;
        b.sqlite = sqlite;
        b.tls = tls;
        b.applicationName = applicationName;
        b.pooled = pooled;
        b.driverProperties.putAll(driverProperties);
        return b;
    }

    /** The connections HikariCP keeps. */
    public Connections connections() {
        return connections;
    }

    /** The executor's limits. */
    public Limits limits() {
        return limits;
    }

    /** Acquire, statement and transaction timeouts. */
    public Timeouts timeouts() {
        return timeouts;
    }

    /** SQLite's pragmas. */
    public Sqlite sqlite() {
        return sqlite;
    }

    /** TLS settings for the servers. */
    public Tls tls() {
        return tls;
    }

    /** The name the servers show for this pool's sessions ({@code ApplicationName}, {@code program_name}). */
    public String applicationName() {
        return applicationName;
    }

    /**
     * Whether the URL is a transaction-mode pooler (pgbouncer, a managed service's pooled
     * endpoint): no server-side prepared statements ({@code prepareThreshold=0}) and no session
     * state (isolation is set inside each transaction); see {@code docs/scale-out.md}.
     */
    public boolean pooled() {
        return pooled;
    }

    /** Raw JDBC driver properties; each overrides anything Oxyde sets of the same name. */
    public Map<String, String> driverProperties() {
        return driverProperties;
    }

    @Override
    public String toString() {
        return "PoolSettings[" + connections + ", " + limits + ", " + timeouts + ", " + sqlite + ", tls " + tls.mode()
                + ", applicationName=" + applicationName + ", driverProperties=" + driverProperties.keySet() + "]";
    }

    /** Collects settings; each method checks its argument and names the setting when it refuses one. */
    public static final class Builder {
        private Connections connections = new Connections(null, null, Duration.ofMinutes(10), Duration.ofMinutes(30),
                true);
        private Limits limits = new Limits(10_000, 1_000_000);
        private Timeouts timeouts = new Timeouts(Duration.ofSeconds(30), null, Duration.ofMinutes(5));
        private Sqlite sqlite = new Sqlite(JournalMode.WAL, Synchronous.NORMAL, null, Duration.ofSeconds(5), true);
        private Tls tls = new Tls(null, null, null, null);
        private String applicationName = "oxyde";
        private boolean pooled;
        private final Map<String, String> driverProperties = new LinkedHashMap<>();

        private Builder() {
        }

        /** {@link Connections#max()}: at least 1. */
        public Builder maxConnections(int n) {
            if (n < 1) {
                throw new ConfigurationException("maxConnections", "maxConnections must be at least 1, got " + n);
            }
            Connections c = connections;
            connections = new Connections(n, c.min(), c.idleTimeout(), c.maxLifetime(), c.testBeforeAcquire());
            return this;
        }

        /** {@link Connections#min()}: at least 0, at most {@code maxConnections}. */
        public Builder minConnections(int n) {
            if (n < 0) {
                throw new ConfigurationException("minConnections", "minConnections must be at least 0, got " + n);
            }
            Connections c = connections;
            connections = new Connections(c.max(), n, c.idleTimeout(), c.maxLifetime(), c.testBeforeAcquire());
            return this;
        }

        /** {@link Connections#idleTimeout()}: zero or positive. */
        public Builder idleTimeout(Duration d) {
            Connections c = connections;
            connections = new Connections(c.max(), c.min(), nonNegative("idleTimeout", d), c.maxLifetime(),
                    c.testBeforeAcquire());
            return this;
        }

        /** {@link Connections#maxLifetime()}: zero (never retire) or positive. */
        public Builder maxLifetime(Duration d) {
            Connections c = connections;
            connections = new Connections(c.max(), c.min(), c.idleTimeout(), nonNegative("maxLifetime", d),
                    c.testBeforeAcquire());
            return this;
        }

        /** {@link Connections#testBeforeAcquire()}. */
        public Builder testBeforeAcquire(boolean b) {
            Connections c = connections;
            connections = new Connections(c.max(), c.min(), c.idleTimeout(), c.maxLifetime(), b);
            return this;
        }

        /** {@link Limits#maxQueuedTasks()}: at least 0. */
        public Builder maxQueuedTasks(int n) {
            if (n < 0) {
                throw new ConfigurationException("maxQueuedTasks", "maxQueuedTasks must be at least 0, got " + n);
            }
            limits = new Limits(n, limits.maxResultRows());
            return this;
        }

        /** {@link Limits#maxResultRows()}: at least 0. */
        public Builder maxResultRows(int n) {
            if (n < 0) {
                throw new ConfigurationException("maxResultRows", "maxResultRows must be at least 0, got " + n);
            }
            limits = new Limits(limits.maxQueuedTasks(), n);
            return this;
        }

        /** {@link Timeouts#acquire()}: at least 250 ms. */
        public Builder acquireTimeout(Duration d) {
            timeouts = new Timeouts(atLeast("acquireTimeout", d, Duration.ofMillis(250)), timeouts.statement(),
                    timeouts.transaction());
            return this;
        }

        /** {@link Timeouts#statement()}: positive, or {@code null} / zero for none. */
        public Builder statementTimeout(Duration d) {
            Duration statement = d == null || d.isZero() ? null : positive("statementTimeout", d);
            timeouts = new Timeouts(timeouts.acquire(), statement, timeouts.transaction());
            return this;
        }

        /** {@link Timeouts#transaction()}: positive. */
        public Builder transactionTimeout(Duration d) {
            timeouts = new Timeouts(timeouts.acquire(), timeouts.statement(), positive("transactionTimeout", d));
            return this;
        }

        /** {@link Sqlite#journalMode()}. */
        public Builder journalMode(JournalMode mode) {
            Sqlite s = sqlite;
            sqlite = new Sqlite(Objects.requireNonNull(mode, "journalMode"), s.synchronous(), s.cacheSize(),
                    s.busyTimeout(), s.foreignKeys());
            return this;
        }

        /** {@link Sqlite#synchronous()}. */
        public Builder synchronous(Synchronous mode) {
            Sqlite s = sqlite;
            sqlite = new Sqlite(s.journalMode(), Objects.requireNonNull(mode, "synchronous"), s.cacheSize(),
                    s.busyTimeout(), s.foreignKeys());
            return this;
        }

        /** {@link Sqlite#cacheSize()}. */
        public Builder cacheSize(Integer pagesOrNegativeKib) {
            Sqlite s = sqlite;
            sqlite = new Sqlite(s.journalMode(), s.synchronous(), pagesOrNegativeKib, s.busyTimeout(), s.foreignKeys());
            return this;
        }

        /** {@link Sqlite#busyTimeout()}: zero or positive. */
        public Builder busyTimeout(Duration d) {
            Sqlite s = sqlite;
            sqlite = new Sqlite(s.journalMode(), s.synchronous(), s.cacheSize(), nonNegative("busyTimeout", d),
                    s.foreignKeys());
            return this;
        }

        /** {@link Sqlite#foreignKeys()}. */
        public Builder foreignKeys(boolean on) {
            Sqlite s = sqlite;
            sqlite = new Sqlite(s.journalMode(), s.synchronous(), s.cacheSize(), s.busyTimeout(), on);
            return this;
        }

        /** All of TLS at once; see {@link Tls}. */
        public Builder tls(Tls settings) {
            tls = Objects.requireNonNull(settings, "tls");
            return this;
        }

        /** {@link Tls#mode()}. */
        public Builder sslMode(SslMode mode) {
            tls = new Tls(mode, tls.rootCert(), tls.cert(), tls.key());
            return this;
        }

        /** {@link Tls#rootCert()}. */
        public Builder sslRootCert(String path) {
            tls = new Tls(tls.mode(), path, tls.cert(), tls.key());
            return this;
        }

        /** {@link Tls#cert()}. */
        public Builder sslCert(String path) {
            tls = new Tls(tls.mode(), tls.rootCert(), path, tls.key());
            return this;
        }

        /** {@link Tls#key()}. */
        public Builder sslKey(String path) {
            tls = new Tls(tls.mode(), tls.rootCert(), tls.cert(), path);
            return this;
        }

        /** {@link PoolSettings#applicationName()}. */
        public Builder applicationName(String name) {
            applicationName = name;
            return this;
        }

        /** {@link PoolSettings#pooled()}. */
        public Builder pooled(boolean behindPooler) {
            pooled = behindPooler;
            return this;
        }

        /**
         * Adds a raw JDBC driver property (pgjdbc's {@code prepareThreshold}, Connector/J's
         * {@code useServerPrepStmts} …); it overrides anything Oxyde sets of the same name.
         */
        public Builder driverProperty(String key, String value) {
            driverProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The settings; refuses {@code minConnections} above {@code maxConnections}. */
        public PoolSettings build() {
            Integer max = connections.max();
            Integer min = connections.min();
            if (max != null && min != null && min > max) {
                throw new ConfigurationException("minConnections", "minConnections (" + min
                        + ") exceeds maxConnections (" + max + ")");
            }
            return new PoolSettings(this);
        }

        private static Duration positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new ConfigurationException(name, name + " must be a positive duration, got " + d);
            }
            return d;
        }

        private static Duration nonNegative(String name, Duration d) {
            if (d == null || d.isNegative()) {
                throw new ConfigurationException(name, name + " must be zero or positive, got " + d);
            }
            return d;
        }

        private static Duration atLeast(String name, Duration d, Duration min) {
            if (d == null || d.compareTo(min) < 0) {
                throw new ConfigurationException(name, name + " must be at least " + min.toMillis() + " ms, got " + d);
            }
            return d;
        }
    }
}
