package io.oxyde.testkit.internal;

import io.oxyde.testkit.DatabaseKind;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Starts a database in Docker through Testcontainers, for machines without the local services.
 * Kept in its own class so that nothing of Testcontainers loads unless it is needed.
 */
final class Containers {

    private Containers() {
    }

    /** The started server, or {@code null} when no Docker engine is available. */
    static ServerEndpoint start(DatabaseKind kind) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return null;
        }
        JdbcDatabaseContainer<?> container = kind == DatabaseKind.POSTGRES
                ? new PostgreSQLContainer<>("postgres:15").withDatabaseName("test")
                : new MariaDBContainer<>("mariadb:10.11").withDatabaseName("test").withUsername("root").withPassword("");
        container.start(); // stopped by Testcontainers' Ryuk when the JVM exits
        String url = container.getJdbcUrl().replace("jdbc:mariadb:", "jdbc:mysql:");
        String sep = url.contains("?") ? "&" : "?";
        return new ServerEndpoint(url + sep + "user=" + container.getUsername() + "&password=" + container.getPassword(),
                container.getUsername(), container.getPassword(), "Testcontainers");
    }
}
