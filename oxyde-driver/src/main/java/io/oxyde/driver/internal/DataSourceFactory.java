package io.oxyde.driver.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.oxyde.exception.ConfigurationException;
import io.oxyde.driver.DatabaseUrl;
import io.oxyde.driver.PoolSettings;
import io.oxyde.dialect.Dialect;
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
        if (s.connections().max() != null) {
            return s.connections().max();
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
        PoolSettings.Connections conn = s.connections();
        int min = conn.min() == null ? Math.min(1, max) : Math.min(conn.min(), max);
        c.setMinimumIdle(url.inMemory() ? 1 : min);
        c.setConnectionTimeout(s.timeouts().acquire().toMillis());
        c.setValidationTimeout(Math.min(5_000, Math.max(250, s.timeouts().acquire().toMillis() - 1)));
        if (url.inMemory()) {
            // the database lives as long as its one connection: never retire it
            c.setIdleTimeout(0);
            c.setMaxLifetime(0);
        } else {
            c.setIdleTimeout(conn.idleTimeout().toMillis());
            c.setMaxLifetime(conn.maxLifetime().isZero() ? 0 : Math.max(30_000, conn.maxLifetime().toMillis()));
            if (conn.testBeforeAcquire()) {
                long life = conn.maxLifetime().isZero() ? Long.MAX_VALUE : conn.maxLifetime().toMillis();
                long idle = conn.idleTimeout().isZero() ? Long.MAX_VALUE : conn.idleTimeout().toMillis();
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
            case SQLITE -> sqlite(url, s, p);
            case POSTGRES -> postgres(s, p);
            case MYSQL, MARIADB -> mysql(s, p);
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
        PoolSettings.Sqlite q = s.sqlite();
        if (!url.inMemory()) {
            p.setProperty("journal_mode", q.journalMode().name());
        }
        p.setProperty("synchronous", q.synchronous().name());
        p.setProperty("busy_timeout", Long.toString(q.busyTimeout().toMillis()));
        p.setProperty("foreign_keys", Boolean.toString(q.foreignKeys()));
        if (q.cacheSize() != null) {
            p.setProperty("cache_size", Integer.toString(q.cacheSize()));
        }
    }

    /** pgjdbc: Oxyde sets only the session name and TLS; anything else is a driver property. */
    private static void postgres(PoolSettings s, Properties p) {
        if (s.applicationName() != null) {
            p.setProperty("ApplicationName", s.applicationName());
        }
        if (s.pooled()) {
            // a transaction-mode pooler hands each transaction any server connection: a statement
            // prepared on one is unknown (or a name clash) on the next, so never prepare server-side
            p.setProperty("prepareThreshold", "0");
        }
        PoolSettings.Tls tls = s.tls();
        if (tls.mode() != null) {
            p.setProperty("sslmode", tls.mode().postgresValue());
            p.setProperty("ssl", Boolean.toString(tls.mode() != io.oxyde.driver.SslMode.DISABLE));
        }
        if (tls.rootCert() != null) {
            p.setProperty("sslrootcert", tls.rootCert());
        }
        if (tls.cert() != null) {
            p.setProperty("sslcert", tls.cert());
        }
        if (tls.key() != null) {
            p.setProperty("sslkey", tls.key());
        }
    }

    /**
     * Connector/J defaults Oxyde relies on (UTF-8 with utf8mb4_unicode_ci, batched inserts
     * rewritten into one statement, client-side statement cache); driver properties override them.
     */
    private static void mysql(PoolSettings s, Properties p) {
        p.setProperty("characterEncoding", "UTF-8"); // a Java encoding name; selects utf8mb4 on the server
        p.setProperty("connectionCollation", "utf8mb4_unicode_ci");
        p.setProperty("rewriteBatchedStatements", "true");
        p.setProperty("cachePrepStmts", "true");
        p.setProperty("useServerPrepStmts", "false");
        p.setProperty("prepStmtCacheSize", "250");
        p.setProperty("prepStmtCacheSqlLimit", "2048");
        PoolSettings.Tls tls = s.tls();
        if (tls.mode() != null) {
            p.setProperty("sslMode", tls.mode().mysqlValue());
        }
        if (tls.rootCert() != null) {
            p.setProperty("trustCertificateKeyStoreUrl", fileUrl(tls.rootCert()));
        }
        if (tls.cert() != null) {
            p.setProperty("clientCertificateKeyStoreUrl", fileUrl(tls.cert()));
        }
    }

    private static String fileUrl(String path) {
        return path.contains(":") && !path.startsWith("/") ? path : "file:" + path;
    }
}
