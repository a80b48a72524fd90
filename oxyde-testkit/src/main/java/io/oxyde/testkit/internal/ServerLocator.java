package io.oxyde.testkit.internal;

import io.oxyde.testkit.DatabaseKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Finds the PostgreSQL and MariaDB servers once per JVM: an environment URL, else the local
 * service, else a Testcontainers container when Docker is available. A server that cannot be
 * found is remembered with the reason, so every test reports the same clear message.
 */
final class ServerLocator {

    /** Outcome of the search for one server: an endpoint, or why there is none. */
    record Located(ServerEndpoint endpoint, String problem) {
    }

    static final String PG_ENV = "OXYDE_TEST_PG_URL";
    static final String MARIADB_ENV = "OXYDE_TEST_MARIADB_URL";
    private static final String PG_LOCAL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final String MARIADB_LOCAL = "jdbc:mysql://127.0.0.1:3306/test?user=root&password=";

    private static final Map<DatabaseKind, Located> CACHE = new EnumMap<>(DatabaseKind.class);

    private ServerLocator() {
    }

    static synchronized Located locate(DatabaseKind kind) {
        return CACHE.computeIfAbsent(kind, ServerLocator::search);
    }

    private static Located search(DatabaseKind kind) {
        String variable = kind == DatabaseKind.POSTGRES ? PG_ENV : MARIADB_ENV;
        String fromEnv = System.getenv(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            ServerEndpoint endpoint = endpoint(fromEnv, variable);
            String problem = probe(endpoint);
            return problem == null ? new Located(endpoint, null)
                    : new Located(null, kind.label() + " at " + variable + " is unreachable: " + problem);
        }
        ServerEndpoint local = endpoint(kind == DatabaseKind.POSTGRES ? PG_LOCAL : MARIADB_LOCAL, "local service");
        String localProblem = probe(local);
        if (localProblem == null) {
            return new Located(local, null);
        }
        String containerProblem;
        try {
            ServerEndpoint container = Containers.start(kind);
            if (container != null) {
                return new Located(container, null);
            }
            containerProblem = "no Docker engine for Testcontainers";
        } catch (RuntimeException | LinkageError e) {
            containerProblem = "Testcontainers failed: " + e;
        }
        return new Located(null, kind.label() + " is not reachable (local service: " + localProblem
                + "; " + containerProblem + "). " + howToStart(kind));
    }

    static String howToStart(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRES
                ? "Start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` "
                        + "or set " + PG_ENV + "=jdbc:postgresql://host:5432/test?user=...&password=..."
                : "Start it with `start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd` "
                        + "or set " + MARIADB_ENV + "=jdbc:mysql://host:3306/test?user=...&password=...";
    }

    private static ServerEndpoint endpoint(String url, String origin) {
        JdbcUrl parsed = JdbcUrl.parse(url, origin);
        return new ServerEndpoint(url, parsed.params().get("user"), parsed.params().getOrDefault("password", ""), origin);
    }

    /** Connects once; returns {@code null} when it works, the problem otherwise. */
    private static String probe(ServerEndpoint endpoint) {
        DriverManager.setLoginTimeout(5);
        try (Connection c = DriverManager.getConnection(endpoint.jdbcUrl())) {
            return c.isValid(5) ? null : "connection is not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
