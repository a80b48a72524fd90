package io.oxyde.spring;

import io.oxyde.dialect.Dialect;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code oxyde.*} configuration keys. Bound by Spring Boot, described in the generated
 * configuration metadata so IDEs complete them; {@code docs/spring-boot.md} lists them with
 * examples.
 */
@ConfigurationProperties(prefix = "oxyde")
public class OxydeProperties {

    /** Pool name of the main database in Oxyde's registry (Oxyde.database(name) finds it). */
    private String name = "default";

    /**
     * Database URL of the main database (sqlite:app.db, postgresql://user@host/db, mariadb://...).
     * When set, Oxyde opens its own pool from it even if the application has a DataSource; when
     * not set, the application's DataSource is used.
     */
    private String url;

    /**
     * Dialect of the application's DataSource; detected from the connection's metadata when
     * not set. Not used with oxyde.url (the URL names it).
     */
    private Dialect dialect;

    /** Pool settings of the main database (only the executor and timeout settings apply to a DataSource). */
    private final Pool pool = new Pool();

    /** More databases by name (read replicas, other schemas): oxyde.databases.NAME.url and .pool.*. */
    private final Map<String, Database> databases = new LinkedHashMap<>();

    /** Migrations applied to the main database at start-up. */
    private final Migrations migrations = new Migrations();

    /**
     * Whether db.atomic(...) is refused inside a Spring-managed transaction (@Transactional).
     * Oxyde's transactions run on connections of their own and commit separately, so the
     * default refuses them with SpringTransactionConflictException; turn it off only when the Spring
     * transactions are on another database.
     */
    private boolean refuseAtomicInSpringTransaction = true;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Dialect getDialect() {
        return dialect;
    }

    public void setDialect(Dialect dialect) {
        this.dialect = dialect;
    }

    public Pool getPool() {
        return pool;
    }

    public Map<String, Database> getDatabases() {
        return databases;
    }

    public Migrations getMigrations() {
        return migrations;
    }

    public boolean isRefuseAtomicInSpringTransaction() {
        return refuseAtomicInSpringTransaction;
    }

    public void setRefuseAtomicInSpringTransaction(boolean refuse) {
        this.refuseAtomicInSpringTransaction = refuse;
    }

    /** One named database. */
    public static class Database {

        /** Database URL of this database. */
        private String url;

        /** Pool settings of this database. */
        private final Pool pool = new Pool();

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public Pool getPool() {
            return pool;
        }
    }

    /** Pool settings; unset ones keep Oxyde's defaults (docs/connections.md). */
    public static class Pool {

        /** Most connections the pool opens; also the size of each executor lane. */
        private Integer maxConnections;

        /** Idle connections kept open. */
        private Integer minConnections;

        /** How long to wait for a free connection before AcquireTimeoutException. */
        private Duration acquireTimeout;

        /** Idle connections above the minimum are closed after this. */
        private Duration idleTimeout;

        /** Connections are replaced after this age (0 = never). */
        private Duration maxLifetime;

        /** Per-statement timeout; the statement is cancelled and fails with StatementTimeoutException. */
        private Duration statementTimeout;

        /** An Oxyde transaction idle this long is rolled back. */
        private Duration transactionTimeout;

        /** Bounded executor queue; beyond it work fails at once with PoolSaturatedException. */
        private Integer maxQueuedTasks;

        /** Most rows one non-streamed result may hold (0 = no limit). */
        private Integer maxResultRows;

        /** Raw JDBC driver properties, applied last. */
        private final Map<String, String> driverProperties = new LinkedHashMap<>();

        public Integer getMaxConnections() {
            return maxConnections;
        }

        public void setMaxConnections(Integer maxConnections) {
            this.maxConnections = maxConnections;
        }

        public Integer getMinConnections() {
            return minConnections;
        }

        public void setMinConnections(Integer minConnections) {
            this.minConnections = minConnections;
        }

        public Duration getAcquireTimeout() {
            return acquireTimeout;
        }

        public void setAcquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = acquireTimeout;
        }

        public Duration getIdleTimeout() {
            return idleTimeout;
        }

        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        public Duration getMaxLifetime() {
            return maxLifetime;
        }

        public void setMaxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
        }

        public Duration getStatementTimeout() {
            return statementTimeout;
        }

        public void setStatementTimeout(Duration statementTimeout) {
            this.statementTimeout = statementTimeout;
        }

        public Duration getTransactionTimeout() {
            return transactionTimeout;
        }

        public void setTransactionTimeout(Duration transactionTimeout) {
            this.transactionTimeout = transactionTimeout;
        }

        public Integer getMaxQueuedTasks() {
            return maxQueuedTasks;
        }

        public void setMaxQueuedTasks(Integer maxQueuedTasks) {
            this.maxQueuedTasks = maxQueuedTasks;
        }

        public Integer getMaxResultRows() {
            return maxResultRows;
        }

        public void setMaxResultRows(Integer maxResultRows) {
            this.maxResultRows = maxResultRows;
        }

        public Map<String, String> getDriverProperties() {
            return driverProperties;
        }
    }

    /** Migrations at start-up. */
    public static class Migrations {

        /**
         * Where the migration files are: classpath:db/oxyde (a folder on the class path, also
         * inside the application's jar) or a directory path. Unset (the default): no
         * migrations run at start-up.
         */
        private String location;

        public String getLocation() {
            return location;
        }

        public void setLocation(String location) {
            this.location = location;
        }
    }
}
