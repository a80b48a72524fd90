package io.oxyde.spring.internal;

import io.oxyde.exception.ConfigurationException;
import io.oxyde.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The dialect of an application's DataSource, from its connection metadata. */
final class Dialects {

    private Dialects() {
    }

    public static Dialect detect(DataSource dataSource) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new ConfigurationException("connection", "cannot connect to the application's DataSource to detect "
                    + "its dialect: " + e.getMessage(), e);
        }
        String p = product.toLowerCase(Locale.ROOT);
        if (p.contains("postgresql")) {
            return Dialect.POSTGRES;
        }
        if (p.contains("sqlite")) {
            return Dialect.SQLITE;
        }
        if (p.contains("mariadb")) {
            return Dialect.MARIADB;
        }
        if (p.contains("mysql")) {
            return Dialect.MYSQL;
        }
        throw new ConfigurationException("dialect", "the application's DataSource is " + product
                + ", which Oxyde does not support (PostgreSQL, SQLite, MySQL, MariaDB); set oxyde.url to another database");
    }
}
