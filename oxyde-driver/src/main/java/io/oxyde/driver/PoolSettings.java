package io.oxyde.driver;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import io.oxyde.exception.AcquireTimeoutException;
import io.oxyde.exception.ConfigurationException;
import io.oxyde.exception.ResultTooLargeException;

/**
 * Everything tunable about one named pool: the HikariCP pool itself, the executor in front of
 * it, statement and transaction timeouts, SQLite pragmas, TLS, and per-driver options. Build it
 * with {@link #builder()}; every setting has a sensible default, and values the dialect does
 * not use are ignored.
 *
 * <p>Immutable and thread-safe. {@code null} for an optional setting means "the driver's own
 * default".
 */
public final class PoolSettings {

    /** SQLite's {@code journal_mode}. */
    public enum JournalMode { DELETE, TRUNCATE, PERSIST, MEMORY, WAL, OFF }

    /** SQLite's {@code synchronous}. */
    public enum Synchronous { OFF, NORMAL, FULL, EXTRA }

    private final Integer maxConnections;
    private final Integer minConnections;
    private final Duration acquireTimeout;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final boolean testBeforeAcquire;
    private final int maxQueuedTasks;
    private final int maxResultRows;
    private final Duration statementTimeout;
    private final Duration transactionTimeout;
    private final JournalMode journalMode;
    private final Synchronous synchronous;
    private final Integer cacheSize;
    private final Duration busyTimeout;
    private final boolean foreignKeys;
    private final SslMode sslMode;
    private final String sslRootCert;
    private final String sslCert;
    private final String sslKey;
    private final String applicationName;
    private final Integer prepareThreshold;
    private final Integer preparedStatementCacheQueries;
    private final String charset;
    private final String collation;
    private final boolean rewriteBatchedStatements;
    private final boolean cachePrepStmts;
    private final boolean useServerPrepStmts;
    private final Map<String, String> driverProperties;

    private PoolSettings(Builder b) {
        maxConnections = b.maxConnections;
        minConnections = b.minConnections;
        acquireTimeout = b.acquireTimeout;
        idleTimeout = b.idleTimeout;
        maxLifetime = b.maxLifetime;
        testBeforeAcquire = b.testBeforeAcquire;
        maxQueuedTasks = b.maxQueuedTasks;
        maxResultRows = b.maxResultRows;
        statementTimeout = b.statementTimeout;
        transactionTimeout = b.transactionTimeout;
        journalMode = b.journalMode;
        synchronous = b.synchronous;
        cacheSize = b.cacheSize;
        busyTimeout = b.busyTimeout;
        foreignKeys = b.foreignKeys;
        sslMode = b.sslMode;
        sslRootCert = b.sslRootCert;
        sslCert = b.sslCert;
        sslKey = b.sslKey;
        applicationName = b.applicationName;
        prepareThreshold = b.prepareThreshold;
        preparedStatementCacheQueries = b.preparedStatementCacheQueries;
        charset = b.charset;
        collation = b.collation;
        rewriteBatchedStatements = b.rewriteBatchedStatements;
        cachePrepStmts = b.cachePrepStmts;
        useServerPrepStmts = b.useServerPrepStmts;
        driverProperties = Map.copyOf(b.driverProperties);
    }

    /** All defaults. */
    public static PoolSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxConnections = maxConnections;
        b.minConnections = minConnections;
        b.acquireTimeout = acquireTimeout;
        b.idleTimeout = idleTimeout;
        b.maxLifetime = maxLifetime;
        b.testBeforeAcquire = testBeforeAcquire;
        b.maxQueuedTasks = maxQueuedTasks;
        b.maxResultRows = maxResultRows;
        b.statementTimeout = statementTimeout;
        b.transactionTimeout = transactionTimeout;
        b.journalMode = journalMode;
        b.synchronous = synchronous;
        b.cacheSize = cacheSize;
        b.busyTimeout = busyTimeout;
        b.foreignKeys = foreignKeys;
        b.sslMode = sslMode;
        b.sslRootCert = sslRootCert;
        b.sslCert = sslCert;
        b.sslKey = sslKey;
        b.applicationName = applicationName;
        b.prepareThreshold = prepareThreshold;
        b.preparedStatementCacheQueries = preparedStatementCacheQueries;
        b.charset = charset;
        b.collation = collation;
        b.rewriteBatchedStatements = rewriteBatchedStatements;
        b.cachePrepStmts = cachePrepStmts;
        b.useServerPrepStmts = useServerPrepStmts;
        b.driverProperties.putAll(driverProperties);
        return b;
    }

    /**
     * The maximum number of connections, or {@code null} for the dialect's default (10 for
     * servers, 4 for a SQLite file, always 1 for an in-memory SQLite database).
     */
    public Integer maxConnections() {
        return maxConnections;
    }

    /** The minimum number of idle connections kept open, or {@code null} for the default (1). */
    public Integer minConnections() {
        return minConnections;
    }

    /** How long to wait for a free connection before failing with {@link AcquireTimeoutException}. */
    public Duration acquireTimeout() {
        return acquireTimeout;
    }

    /** How long an idle connection above the minimum stays open. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** The maximum age of a connection before the pool replaces it. */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    /**
     * Whether to check a connection before handing it out. HikariCP always validates a
     * connection idle for more than 500 ms; with this flag it also pings idle connections
     * every {@code min(idleTimeout, maxLifetime) / 2} (its keepalive), so broken ones are
     * found before work needs them.
     */
    public boolean testBeforeAcquire() {
        return testBeforeAcquire;
    }

    /** How many tasks may wait in the pool's executor queue before work is rejected. */
    public int maxQueuedTasks() {
        return maxQueuedTasks;
    }

    /**
     * The most rows one non-streamed result may hold (rows of a select, raw query or
     * RETURNING); reading stops at the first row beyond it and the query fails with
     * {@link ResultTooLargeException}, so a forgotten filter cannot exhaust the heap. 0 means no limit.
     */
    public int maxResultRows() {
        return maxResultRows;
    }

    /** The per-statement time limit, or {@code null} for none. */
    public Duration statementTimeout() {
        return statementTimeout;
    }

    /** How long a transaction may stay idle before the reaper rolls it back (default 5 min). */
    public Duration transactionTimeout() {
        return transactionTimeout;
    }

    public JournalMode journalMode() {
        return journalMode;
    }

    public Synchronous synchronous() {
        return synchronous;
    }

    /** SQLite {@code cache_size} (pages, or KiB when negative), or {@code null} for SQLite's default. */
    public Integer cacheSize() {
        return cacheSize;
    }

    /** How long SQLite waits on a locked database before failing. */
    public Duration busyTimeout() {
        return busyTimeout;
    }

    /** Whether SQLite enforces foreign keys ({@code PRAGMA foreign_keys}). */
    public boolean foreignKeys() {
        return foreignKeys;
    }

    public SslMode sslMode() {
        return sslMode;
    }

    public String sslRootCert() {
        return sslRootCert;
    }

    public String sslCert() {
        return sslCert;
    }

    public String sslKey() {
        return sslKey;
    }

    /** PostgreSQL {@code application_name}, shown in {@code pg_stat_activity}. */
    public String applicationName() {
        return applicationName;
    }

    /** pgjdbc {@code prepareThreshold}: executions before a server-side prepared statement. */
    public Integer prepareThreshold() {
        return prepareThreshold;
    }

    /** pgjdbc {@code preparedStatementCacheQueries}. */
    public Integer preparedStatementCacheQueries() {
        return preparedStatementCacheQueries;
    }

    /** MySQL/MariaDB connection character set (default {@code utf8mb4}). */
    public String charset() {
        return charset;
    }

    /** MySQL/MariaDB connection collation, or {@code null} for the charset's default. */
    public String collation() {
        return collation;
    }

    public boolean rewriteBatchedStatements() {
        return rewriteBatchedStatements;
    }

    public boolean cachePrepStmts() {
        return cachePrepStmts;
    }

    public boolean useServerPrepStmts() {
        return useServerPrepStmts;
    }

    /** Extra JDBC driver properties, applied last (they override Oxyde's mappings). */
    public Map<String, String> driverProperties() {
        return driverProperties;
    }

    @Override
    public String toString() {
        return "PoolSettings[maxConnections=" + maxConnections + ", minConnections=" + minConnections
                + ", acquireTimeout=" + acquireTimeout + ", statementTimeout=" + statementTimeout
                + ", transactionTimeout=" + transactionTimeout + ", maxQueuedTasks=" + maxQueuedTasks + ", maxResultRows=" + maxResultRows + "]";
    }

    /** Mutable builder; every setter validates its argument at once. */
    public static final class Builder {
        private Integer maxConnections;
        private Integer minConnections;
        private Duration acquireTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Duration maxLifetime = Duration.ofMinutes(30);
        private boolean testBeforeAcquire = true;
        private int maxQueuedTasks = 10_000;
        private int maxResultRows = 1_000_000;
        private Duration statementTimeout;
        private Duration transactionTimeout = Duration.ofMinutes(5);
        private JournalMode journalMode = JournalMode.WAL;
        private Synchronous synchronous = Synchronous.NORMAL;
        private Integer cacheSize;
        private Duration busyTimeout = Duration.ofSeconds(5);
        private boolean foreignKeys = true;
        private SslMode sslMode;
        private String sslRootCert;
        private String sslCert;
        private String sslKey;
        private String applicationName = "oxyde";
        private Integer prepareThreshold;
        private Integer preparedStatementCacheQueries;
        private String charset = "utf8mb4";
        private String collation;
        private boolean rewriteBatchedStatements = true;
        private boolean cachePrepStmts = true;
        private boolean useServerPrepStmts;
        private final Map<String, String> driverProperties = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder maxConnections(int n) {
            if (n < 1) {
                throw new ConfigurationException("maxConnections", "maxConnections must be at least 1, got " + n);
            }
            maxConnections = n;
            return this;
        }

        public Builder minConnections(int n) {
            if (n < 0) {
                throw new ConfigurationException("minConnections", "minConnections must be at least 0, got " + n);
            }
            minConnections = n;
            return this;
        }

        public Builder acquireTimeout(Duration d) {
            acquireTimeout = atLeast("acquireTimeout", d, Duration.ofMillis(250));
            return this;
        }

        public Builder idleTimeout(Duration d) {
            idleTimeout = nonNegative("idleTimeout", d);
            return this;
        }

        public Builder maxLifetime(Duration d) {
            maxLifetime = nonNegative("maxLifetime", d);
            return this;
        }

        public Builder testBeforeAcquire(boolean b) {
            testBeforeAcquire = b;
            return this;
        }

        public Builder maxQueuedTasks(int n) {
            if (n < 0) {
                throw new ConfigurationException("maxQueuedTasks", "maxQueuedTasks must be at least 0, got " + n);
            }
            maxQueuedTasks = n;
            return this;
        }

        /** Most rows of one non-streamed result (default 1,000,000); 0 for no limit. */
        public Builder maxResultRows(int n) {
            if (n < 0) {
                throw new ConfigurationException("maxResultRows", "maxResultRows must be at least 0, got " + n);
            }
            maxResultRows = n;
            return this;
        }

        /** Per-statement time limit; {@code null} or zero for none. */
        public Builder statementTimeout(Duration d) {
            statementTimeout = d == null || d.isZero() ? null : positive("statementTimeout", d);
            return this;
        }

        public Builder transactionTimeout(Duration d) {
            transactionTimeout = positive("transactionTimeout", d);
            return this;
        }

        public Builder journalMode(JournalMode mode) {
            journalMode = Objects.requireNonNull(mode, "journalMode");
            return this;
        }

        public Builder synchronous(Synchronous mode) {
            synchronous = Objects.requireNonNull(mode, "synchronous");
            return this;
        }

        public Builder cacheSize(Integer pagesOrNegativeKib) {
            cacheSize = pagesOrNegativeKib;
            return this;
        }

        public Builder busyTimeout(Duration d) {
            busyTimeout = nonNegative("busyTimeout", d);
            return this;
        }

        public Builder foreignKeys(boolean on) {
            foreignKeys = on;
            return this;
        }

        public Builder sslMode(SslMode mode) {
            sslMode = mode;
            return this;
        }

        /** The CA certificate file (PEM for PostgreSQL; a trust store URL for MySQL/MariaDB). */
        public Builder sslRootCert(String path) {
            sslRootCert = path;
            return this;
        }

        /** The client certificate (PostgreSQL) or client key store URL (MySQL/MariaDB). */
        public Builder sslCert(String path) {
            sslCert = path;
            return this;
        }

        /** The client private key file (PostgreSQL: PKCS-8 DER or PKCS-12). */
        public Builder sslKey(String path) {
            sslKey = path;
            return this;
        }

        public Builder applicationName(String name) {
            applicationName = name;
            return this;
        }

        public Builder prepareThreshold(int n) {
            prepareThreshold = n;
            return this;
        }

        public Builder preparedStatementCacheQueries(int n) {
            if (n < 0) {
                throw new ConfigurationException("preparedStatementCacheQueries",
                        "preparedStatementCacheQueries must be at least 0, got " + n);
            }
            preparedStatementCacheQueries = n;
            return this;
        }

        public Builder charset(String cs) {
            charset = Objects.requireNonNull(cs, "charset");
            return this;
        }

        public Builder collation(String c) {
            collation = c;
            return this;
        }

        public Builder rewriteBatchedStatements(boolean b) {
            rewriteBatchedStatements = b;
            return this;
        }

        public Builder cachePrepStmts(boolean b) {
            cachePrepStmts = b;
            return this;
        }

        public Builder useServerPrepStmts(boolean b) {
            useServerPrepStmts = b;
            return this;
        }

        /** Adds a raw JDBC driver property; it overrides anything Oxyde sets. */
        public Builder driverProperty(String key, String value) {
            driverProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public PoolSettings build() {
            if (maxConnections != null && minConnections != null && minConnections > maxConnections) {
                throw new ConfigurationException("minConnections", "minConnections (" + minConnections
                        + ") exceeds maxConnections (" + maxConnections + ")");
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
