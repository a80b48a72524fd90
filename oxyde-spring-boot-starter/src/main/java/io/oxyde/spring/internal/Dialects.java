package io.oxyde.spring.internal;

import io.oxyde.exception.ConfigurationException;
import io.oxyde.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The dialect of an application's DataSource, from its connection metadata. */
final class Dialects {

    private Dialects() {
    }

    public static Dialect detect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return Dialect.detect(c);
        } catch (SQLException e) {
            throw new ConfigurationException("connection", "cannot connect to the application's DataSource to detect "
                    + "its dialect: " + e.getMessage(), e);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("dialect", "the application's DataSource is not a database Oxyde supports "
                    + "(PostgreSQL, SQLite, MySQL, MariaDB): " + e.getMessage() + "; set oxyde.url to another database", e);
        }
    }
}
