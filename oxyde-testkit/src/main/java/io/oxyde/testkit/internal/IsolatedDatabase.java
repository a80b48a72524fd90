package io.oxyde.testkit.internal;

import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import io.oxyde.testkit.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A {@link TestDatabase} created for one test invocation and dropped by {@link #close()}:
 * a temp-file SQLite database, a PostgreSQL schema, or a MariaDB database.
 */
final class IsolatedDatabase implements TestDatabases.Owned {

    private final DatabaseKind kind;
    private final ServerEndpoint server;
    private final String name;
    private final String jdbcUrl;
    private final String oxydeUrl;
    private final Path sqliteDir;

    private IsolatedDatabase(DatabaseKind kind, ServerEndpoint server, String name, String jdbcUrl,
                             String oxydeUrl, Path sqliteDir) {
        this.kind = kind;
        this.server = server;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.oxydeUrl = oxydeUrl;
        this.sqliteDir = sqliteDir;
    }

    static IsolatedDatabase create(DatabaseKind kind, ServerEndpoint server) throws SQLException {
        String name = "oxyde_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == DatabaseKind.SQLITE) {
            try {
                Path dir = Files.createTempDirectory("oxyde-test-");
                Path file = dir.resolve(name + ".db");
                return new IsolatedDatabase(kind, null, name, "jdbc:sqlite:" + file, "sqlite:" + file, dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temp directory for SQLite", e);
            }
        }
        JdbcUrl base = JdbcUrl.parse(server.jdbcUrl(), server.origin());
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            if (kind == DatabaseKind.POSTGRES) {
                s.execute("CREATE SCHEMA \"" + name + "\"");
                Map<String, String> extra = Map.of("currentSchema", name);
                return new IsolatedDatabase(kind, server, name, base.withDatabase(base.database(), extra),
                        base.toOxydeUrl("postgresql", base.database(), extra), null);
            }
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            return new IsolatedDatabase(kind, server, name, base.withDatabase(name, Map.of()),
                    base.toOxydeUrl("mariadb", name, Map.of()), null);
        }
    }

    @Override
    public DatabaseKind kind() {
        return kind;
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String user() {
        return server == null ? null : server.user();
    }

    @Override
    public String password() {
        return server == null ? null : server.password();
    }

    @Override
    public String oxydeUrl() {
        return oxydeUrl;
    }

    @Override
    public Connection connect() throws SQLException {
        if (server == null) {
            return DriverManager.getConnection(jdbcUrl);
        }
        return DriverManager.getConnection(jdbcUrl, server.user(), server.password());
    }

    @Override
    public void close() throws Exception {
        if (kind == DatabaseKind.SQLITE) {
            try (var files = Files.list(sqliteDir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(sqliteDir);
            return;
        }
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            if (kind == DatabaseKind.POSTGRES) {
                s.execute("DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
            } else {
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        }
    }

    @Override
    public String toString() {
        return kind.label() + " " + (kind == DatabaseKind.SQLITE ? jdbcUrl : name);
    }
}
