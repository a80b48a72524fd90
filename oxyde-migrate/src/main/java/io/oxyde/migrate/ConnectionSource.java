package io.oxyde.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where the {@link Migrator} gets its JDBC connection: a DataSource (connection closed after use) or
 * one connection owned by the caller (left open). Plain JDBC keeps migrations independent of the
 * async driver.
 */
public interface ConnectionSource {
    /** A connection for one migrator call (status, or a whole migrate run). */
    Connection open() throws SQLException;

    /** Gives the connection back; closes it unless the caller owns it. */
    default void release(Connection connection) throws SQLException {
        connection.close();
    }

    /** Connections from a pool or DataSource, closed after each call. */
    static ConnectionSource of(DataSource dataSource) {
        return dataSource::getConnection;
    }

    /** Uses {@code connection} without ever closing it (its auto-commit is restored after each run). */
    static ConnectionSource of(Connection connection) {
        return new ConnectionSource() {
            @Override
            public Connection open() {
                return connection;
            }

            @Override
            public void release(Connection c) {
                // owned by the caller
            }
        };
    }
}
