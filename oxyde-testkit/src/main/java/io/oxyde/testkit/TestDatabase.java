package io.oxyde.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One empty database for one test invocation: a temporary SQLite file, a fresh PostgreSQL
 * schema, or a fresh MariaDB database. It is dropped after the test, so a test may create
 * tables freely and never sees another test's data.
 */
public interface TestDatabase {

    /** Which database this is. */
    DatabaseKind kind();

    /** A JDBC URL that points at this test's own, empty database or schema. */
    String jdbcUrl();

    /** The user name for {@link #jdbcUrl()}, or {@code null} for SQLite. */
    String user();

    /** The password for {@link #jdbcUrl()}, or {@code null} for none. */
    String password();

    /**
     * The same database as an Oxyde connection URL ({@code sqlite:/tmp/x.db},
     * {@code postgresql://user@host:port/test?currentSchema=s}, {@code mariadb://user@host:port/db}).
     */
    String oxydeUrl();

    /** Opens a new JDBC connection to this database; the caller closes it. */
    Connection connect() throws SQLException;
}
