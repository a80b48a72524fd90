package io.oxyde.driver.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.oxyde.exception.ConfigurationException;
import io.oxyde.driver.DatabaseUrl;
import io.oxyde.driver.PoolSettings;
import io.oxyde.dialect.Dialect;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Turns a {@link DatabaseUrl} and {@link PoolSettings} into a configured HikariCP pool: pool
 * sizes and timeouts, then the driver properties of the dialect (SQLite pragmas, TLS,
 * pgjdbc and Connector/J tuning), then the user's raw driver properties.
 */
final class DataSourceFactory {

    private DataSourceFactory() {
    }

    /** The connection count used when the settings leave it open. */
    public static int maxConnections(DatabaseUrl url, PoolSettings s) {
        if (url.inMemory()) {
            return 1;
        }
        if (s.maxConnections() != null) {
            return s.maxConnections();
        }
        return url.dialect() == Dialect.SQLITE ? 4 : 10;
    }

    public static HikariDataSource create(String name, DatabaseUrl url, PoolSettings s) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("oxyde-" + name);
        c.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            c.setUsername(url.user());
        }
        if (url.password() != null) {
            c.setPassword(url.password());
        }
        int max = maxConnections(url, s);
        c.setMaximumPoolSize(max);
        int min = s.minConnections() == null ? Math.min(1, max) : Math.min(s.minConnections(), max);
        c.setMinimumIdle(url.inMemory() ? 1 : min);
        c.setConnectionTimeout(s.acquireTimeout().toMillis());
        c.setValidationTimeout(Math.min(5_000, Math.max(250, s.acquireTimeout().toMillis() - 1)));
        if (url.inMemory()) {
            // the database lives as long as its one connection: never retire it
            c.setIdleTimeout(0);
            c.setMaxLifetime(0);
        } else {
            c.setIdleTimeout(s.idleTimeout().toMillis());
            c.setMaxLifetime(s.maxLifetime().isZero() ? 0 : Math.max(30_000, s.maxLifetime().toMillis()));
            if (s.testBeforeAcquire()) {
                long life = s.maxLifetime().isZero() ? Long.MAX_VALUE : s.maxLifetime().toMillis();
                long idle = s.idleTimeout().isZero() ? Long.MAX_VALUE : s.idleTimeout().toMillis();
                long keepalive = Math.min(Math.min(life, idle) / 2, 120_000);
                if (keepalive >= 30_000) {
                    c.setKeepaliveTime(keepalive);
                }
            }
        }
        c.setAutoCommit(true);
        c.setInitializationFailTimeout(1);
        c.setRegisterMbeans(false);
        Properties p = new Properties();
        switch (url.dialect()) {
            case SQLITE:
                sqlite(url, s, p);
                break;
            case POSTGRES:
                postgres(s, p);
                break;
            case MYSQL:
            case MARIADB:
                mysql(s, p);
                break;
            default:
                throw new IllegalStateException("unknown dialect " + url.dialect());
        }
        for (Map.Entry<String, String> e : s.driverProperties().entrySet()) {
            p.setProperty(e.getKey(), e.getValue());
        }
        c.setDataSourceProperties(p);
        try {
            return new HikariDataSource(c);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConfigurationException("connection", "cannot open pool '" + name + "' on " + url.redacted()
                    + ": " + UrlParser.redact(String.valueOf(cause.getMessage())), cause);
        } catch (RuntimeException e) {
            throw new ConfigurationException("connection", "cannot open pool '" + name + "' on " + url.redacted()
                    + ": " + UrlParser.redact(String.valueOf(e.getMessage())), e);
        }
    }

    private static void sqlite(DatabaseUrl url, PoolSettings s, Properties p) {
        if (!url.inMemory()) {
            p.setProperty("journal_mode", s.journalMode().name());
        }
        p.setProperty("synchronous", s.synchronous().name());
        p.setProperty("busy_timeout", Long.toString(s.busyTimeout().toMillis()));
        p.setProperty("foreign_keys", Boolean.toString(s.foreignKeys()));
        if (s.cacheSize() != null) {
            p.setProperty("cache_size", Integer.toString(s.cacheSize()));
        }
    }

    private static void postgres(PoolSettings s, Properties p) {
        if (s.applicationName() != null) {
            p.setProperty("ApplicationName", s.applicationName());
        }
        if (s.prepareThreshold() != null) {
            p.setProperty("prepareThreshold", Integer.toString(s.prepareThreshold()));
        }
        if (s.preparedStatementCacheQueries() != null) {
            p.setProperty("preparedStatementCacheQueries", Integer.toString(s.preparedStatementCacheQueries()));
        }
        if (s.sslMode() != null) {
            p.setProperty("sslmode", s.sslMode().postgresValue());
            p.setProperty("ssl", Boolean.toString(s.sslMode() != io.oxyde.driver.SslMode.DISABLE));
        }
        if (s.sslRootCert() != null) {
            p.setProperty("sslrootcert", s.sslRootCert());
        }
        if (s.sslCert() != null) {
            p.setProperty("sslcert", s.sslCert());
        }
        if (s.sslKey() != null) {
            p.setProperty("sslkey", s.sslKey());
        }
    }

    private static void mysql(PoolSettings s, Properties p) {
        String cs = s.charset().toLowerCase(Locale.ROOT);
        // Connector/J takes a Java encoding name; UTF-8 selects utf8mb4 on the server
        p.setProperty("characterEncoding", cs.startsWith("utf8") ? "UTF-8" : s.charset());
        if (s.collation() != null) {
            p.setProperty("connectionCollation", s.collation());
        } else if (cs.equals("utf8mb4")) {
            p.setProperty("connectionCollation", "utf8mb4_unicode_ci");
        }
        p.setProperty("rewriteBatchedStatements", Boolean.toString(s.rewriteBatchedStatements()));
        p.setProperty("cachePrepStmts", Boolean.toString(s.cachePrepStmts()));
        p.setProperty("useServerPrepStmts", Boolean.toString(s.useServerPrepStmts()));
        p.setProperty("prepStmtCacheSize", "250");
        p.setProperty("prepStmtCacheSqlLimit", "2048");
        if (s.sslMode() != null) {
            p.setProperty("sslMode", s.sslMode().mysqlValue());
        }
        if (s.sslRootCert() != null) {
            p.setProperty("trustCertificateKeyStoreUrl", fileUrl(s.sslRootCert()));
        }
        if (s.sslCert() != null) {
            p.setProperty("clientCertificateKeyStoreUrl", fileUrl(s.sslCert()));
        }
    }

    private static String fileUrl(String path) {
        return path.contains(":") && !path.startsWith("/") ? path : "file:" + path;
    }
}
