package io.oxyde.internal.schema;

import io.oxyde.driver.DatabaseUrl;
import io.oxyde.migrate.ConnectionSource;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.MigrationException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where migrations run: a connection source plus the dialect detected from a live connection.
 * An Oxyde URL ({@code postgresql://…}, {@code mariadb://…}, {@code sqlite:path}, or {@code jdbc:…}) is
 * parsed by {@link DatabaseUrl}; connections then come straight from {@link DriverManager}, since a
 * migration run needs one connection, not a pool.
 */
public record JdbcTarget(ConnectionSource source, Dialect dialect) {

    /** A target for an Oxyde or JDBC URL. */
    public static JdbcTarget of(String url) {
        if (url == null || url.isBlank()) {
            throw new MigrationException("no database URL given");
        }
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        if (parsed.inMemory()) {
            throw new MigrationException("cannot migrate an in-memory SQLite database (" + parsed.redacted()
                    + "): it is gone when the connection closes");
        }
        ConnectionSource source = () -> DriverManager.getConnection(parsed.jdbcUrl(), parsed.user(), parsed.password());
        return new JdbcTarget(source, detect(source, parsed.redacted()));
    }

    /** A target for a DataSource. */
    public static JdbcTarget of(DataSource dataSource) {
        ConnectionSource source = ConnectionSource.of(dataSource);
        return new JdbcTarget(source, detect(source, "the data source"));
    }

    private static Dialect detect(ConnectionSource source, String where) {
        try {
            Connection c = source.open();
            try {
                return Dialect.detect(c);
            } finally {
                source.release(c);
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot connect to " + where + ": " + e.getMessage(), e);
        }
    }
}
