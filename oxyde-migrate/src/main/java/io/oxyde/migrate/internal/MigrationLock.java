package io.oxyde.migrate.internal;

import io.oxyde.dialect.Dialect;
import io.oxyde.exception.MigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Serialises concurrent migrators on one database: a session advisory lock on PostgreSQL (keyed by
 * the current schema), GET_LOCK on MySQL/MariaDB (keyed by the database). SQLite needs none here:
 * each migration step runs in a BEGIN EXCLUSIVE transaction that re-reads the history.
 */
public final class MigrationLock {
    private static final int PG_LOCK_CLASS = 0x0D1DE;
    private static final int MYSQL_TIMEOUT_SECONDS = 600;

    private final Dialect dialect;

    public MigrationLock(Dialect dialect) {
        this.dialect = dialect;
    }

    public void acquire(Connection c) throws SQLException {
        if (dialect == Dialect.POSTGRES) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + PG_LOCK_CLASS + ", hashtext(current_schema()))");
            }
        } else if (dialect.isMySqlFamily()) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT GET_LOCK(CONCAT('oxyde_migrate:', DATABASE()), "
                         + MYSQL_TIMEOUT_SECONDS + ")")) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new MigrationException("could not get the migration lock (GET_LOCK) within "
                            + MYSQL_TIMEOUT_SECONDS + " s: another migrator is still running");
                }
            }
        }
    }

    public void release(Connection c) throws SQLException {
        if (dialect == Dialect.POSTGRES) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + PG_LOCK_CLASS + ", hashtext(current_schema()))");
            }
        } else if (dialect.isMySqlFamily()) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT RELEASE_LOCK(CONCAT('oxyde_migrate:', DATABASE()))");
            }
        }
    }
}
