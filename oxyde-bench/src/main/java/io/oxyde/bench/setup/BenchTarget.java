package io.oxyde.bench.setup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * One database for one run, as a JDBC URL (for raw JDBC, jOOQ and Hibernate over HikariCP) and
 * the same database as an Oxyde URL. Both carry the driver settings a careful user would set,
 * identical for every variant: PostgreSQL {@code reWriteBatchedInserts=true} (pgjdbc's own
 * statement cache and server-side prepare after 5 uses stay at their defaults); MariaDB through
 * Connector/J {@code rewriteBatchedStatements=true}, {@code cachePrepStmts=true},
 * {@code prepStmtCacheSize=250}, {@code prepStmtCacheSqlLimit=2048}, client-side prepared
 * statements ({@code useServerPrepStmts=false}, Oxyde's default); SQLite a file in WAL mode with
 * {@code synchronous=NORMAL}, {@code foreign_keys=on} and a 5 s busy timeout.
 */
public record BenchTarget(Database database, String jdbcUrl, String user, String password, String oxydeUrl) {

    /** The pool size every variant uses. */
    public static final int POOL_SIZE = 8;

    static final String PG_PARAMS = "reWriteBatchedInserts=true";
    static final String MARIADB_PARAMS = "rewriteBatchedStatements=true&cachePrepStmts=true&prepStmtCacheSize=250"
            + "&prepStmtCacheSqlLimit=2048&useServerPrepStmts=false";

    /**
     * The bench's own database on this machine: SQLite file {@code oxyde_bench.db} in the temp
     * directory (or {@code -Doxyde.bench.sqlite=path}), PostgreSQL schema {@code oxyde_bench} in
     * {@code 127.0.0.1:5432/test} (user postgres), MariaDB database {@code oxyde_bench} on
     * {@code 127.0.0.1:3306} (user root). The schema / database is created when missing; nothing
     * else on the servers is touched.
     */
    public static BenchTarget local(String name) {
        Database db = Database.valueOf(name.toUpperCase(Locale.ROOT));
        switch (db) {
            case SQLITE: {
                String file = System.getProperty("oxyde.bench.sqlite",
                        Path.of(System.getProperty("java.io.tmpdir"), "oxyde_bench.db").toString());
                return new BenchTarget(db, "jdbc:sqlite:" + file, null, null, "sqlite:" + file);
            }
            case POSTGRES: {
                admin("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "CREATE SCHEMA IF NOT EXISTS oxyde_bench");
                return new BenchTarget(db, "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=oxyde_bench&" + PG_PARAMS,
                        "postgres", null, "postgresql://postgres@127.0.0.1:5432/test?currentSchema=oxyde_bench&" + PG_PARAMS);
            }
            default: {
                admin("jdbc:mysql://127.0.0.1:3306/test", "root",
                        "CREATE DATABASE IF NOT EXISTS oxyde_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                return new BenchTarget(db, "jdbc:mysql://127.0.0.1:3306/oxyde_bench?" + MARIADB_PARAMS, "root", "",
                        "mariadb://root@127.0.0.1:3306/oxyde_bench?" + MARIADB_PARAMS);
            }
        }
    }

    /** A target on an existing database (e.g. a test kit database), with the same driver settings added. */
    public static BenchTarget of(Database db, String jdbcUrl, String user, String password, String oxydeUrl) {
        if (db == Database.SQLITE) {
            return new BenchTarget(db, jdbcUrl, user, password, oxydeUrl);
        }
        String params = db == Database.POSTGRES ? PG_PARAMS : MARIADB_PARAMS;
        return new BenchTarget(db, append(jdbcUrl, params), user, password, append(oxydeUrl, params));
    }

    private static String append(String url, String params) {
        return url + (url.contains("?") ? "&" : "?") + params;
    }

    /** Driver properties for SQLite (pragmas); empty for the servers, whose settings are in the URL. */
    public Properties driverProperties() {
        Properties p = new Properties();
        if (database == Database.SQLITE) {
            p.setProperty("journal_mode", "WAL");
            p.setProperty("synchronous", "NORMAL");
            p.setProperty("foreign_keys", "true");
            p.setProperty("busy_timeout", "5000");
        }
        return p;
    }

    /** A plain JDBC connection (schema setup and cleanup only). */
    public Connection connect() throws SQLException {
        Properties p = driverProperties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl, p);
    }

    private static void admin(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, user.equals("root") ? "" : null);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the bench database with " + sql + " on " + url + ": " + e, e);
        }
    }
}
