package io.oxyde.migrate.internal;

import io.oxyde.migrate.ConnectionSource;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.MigrationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Serialises concurrent migrators on one database with a lock <em>row</em> in
 * {@code oxyde_migration_lock}, on a connection of its own, so it holds behind a transaction-mode
 * pooler (pgbouncer), where session advisory locks do not, and across a Galera cluster, where
 * {@code GET_LOCK} is node-local: a committed <em>lease</em> ({@code holder}, {@code expires_at} in the
 * server's clock) taken by a conditional {@code UPDATE … WHERE holder IS NULL OR expires_at < now},
 * renewed every 15 s and cleared at the end; a crashed migrator's lease expires after 60 s. Waiting
 * migrators poll with short autocommit statements, so none of them pins a pooler's server
 * connection while it waits (a {@code SELECT … FOR UPDATE} held open does, and with two migrators
 * on a pool of two server connections deadlocked in this project's pgbouncer test). On Galera, a conflict on
 * the lease means another node took it first.
 *
 * <p>Without a second connection (a {@link ConnectionSource} over one caller-owned connection) it
 * falls back to the session lock: a PostgreSQL advisory lock, or {@code GET_LOCK}. SQLite needs
 * none here: each migration step runs in a BEGIN EXCLUSIVE transaction that re-reads the history.
 */
public final class MigrationLock {
    private static final int PG_LOCK_CLASS = 0x0D1DE;
    private static final int TIMEOUT_SECONDS = 600;
    private static final int LEASE_SECONDS = 60;
    private static final int RENEW_SECONDS = 15;
    static final String TABLE = "oxyde_migration_lock";

    private final Dialect dialect;
    private final ConnectionSource source;
    private final String holder = "oxyde-" + UUID.randomUUID();
    private Connection lockConnection;
    private ScheduledExecutorService renewer;
    private boolean sessionLock;

    public MigrationLock(Dialect dialect) {
        this(dialect, null);
    }

    /** A lock that holds its row on a connection of its own from {@code source}. */
    public MigrationLock(Dialect dialect, ConnectionSource source) {
        this.dialect = dialect;
        this.source = source;
    }

    public void acquire(Connection c) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return;
        }
        Connection own = null;
        if (source != null) {
            try {
                own = source.open();
            } catch (SQLException e) {
                own = null; // no second connection to be had (a pool of one): the session lock below
            }
        }
        if (own == null || own == c) {
            sessionLock = true;
            acquireSessionLock(c);
            return;
        }
        lockConnection = own;
        try {
            own.setAutoCommit(true);
            createTable(own);
            takeLease(own);
        } catch (SQLException | RuntimeException e) {
            closeLockConnection();
            throw e;
        }
    }

    private void createTable(Connection own) throws SQLException {
        boolean pg = dialect == Dialect.POSTGRES;
        String create = "CREATE TABLE IF NOT EXISTS " + TABLE + " (id INTEGER PRIMARY KEY, holder VARCHAR(200), "
                + "expires_at BIGINT NOT NULL DEFAULT 0)" + (pg ? "" : " ENGINE=InnoDB");
        String seed = pg ? "INSERT INTO " + TABLE + " (id) VALUES (1) ON CONFLICT (id) DO NOTHING"
                : "INSERT IGNORE INTO " + TABLE + " (id) VALUES (1)";
        for (int attempt = 0; ; attempt++) {
            try (Statement s = own.createStatement()) {
                s.execute(create);
                s.execute(seed);
                return;
            } catch (SQLException e) {
                // two migrators creating the table at once: one loses a catalog race (PostgreSQL
                // 23505 / 42P07) or a Galera certification (1213); the table is there after
                if (attempt >= 5) {
                    throw e;
                }
                sleep(50L * (attempt + 1));
            }
        }
    }

    private void takeLease(Connection own) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        String take = "UPDATE " + TABLE + " SET holder = ?, expires_at = " + now() + " + " + LEASE_SECONDS
                + " WHERE id = 1 AND (holder IS NULL OR expires_at < " + now() + ")";
        while (true) {
            try (PreparedStatement p = own.prepareStatement(take)) {
                p.setString(1, holder);
                if (p.executeUpdate() == 1 && holdsLease(own)) {
                    break;
                }
            } catch (SQLException e) {
                // Galera: another node's lease won certification (1213); PostgreSQL behind a pooler
                // never fails here, the second UPDATE waits for the first and then matches no row
                if (e.getErrorCode() != 1213 && !"40001".equals(e.getSQLState())) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new MigrationException("could not get the migration lock (row " + TABLE + ") within "
                        + TIMEOUT_SECONDS + " s: another migrator is still running");
            }
            sleep(100);
        }
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oxyde-migration-lock");
            t.setDaemon(true);
            return t;
        });
        renewer.scheduleWithFixedDelay(this::renew, RENEW_SECONDS, RENEW_SECONDS, TimeUnit.SECONDS);
    }

    /** The server's clock in whole seconds since the epoch. */
    private String now() {
        return dialect == Dialect.POSTGRES ? "CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS BIGINT)"
                : "UNIX_TIMESTAMP()";
    }

    private boolean holdsLease(Connection own) throws SQLException {
        try (PreparedStatement p = own.prepareStatement("SELECT holder FROM " + TABLE + " WHERE id = 1")) {
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && holder.equals(rs.getString(1));
            }
        }
    }

    private synchronized void renew() {
        try (PreparedStatement p = lockConnection.prepareStatement("UPDATE " + TABLE
                + " SET expires_at = " + now() + " + " + LEASE_SECONDS + " WHERE id = 1 AND holder = ?")) {
            p.setString(1, holder);
            p.executeUpdate();
        } catch (SQLException ignored) {
            // the next renewal tries again; the lease lasts four renewal periods
        }
    }

    public void release(Connection c) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return;
        }
        if (sessionLock) {
            releaseSessionLock(c);
            return;
        }
        try {
            renewer.shutdownNow();
            synchronized (this) {
                try (PreparedStatement p = lockConnection.prepareStatement("UPDATE " + TABLE
                        + " SET holder = NULL, expires_at = 0 WHERE id = 1 AND holder = ?")) {
                    p.setString(1, holder);
                    p.executeUpdate();
                }
            }
        } finally {
            closeLockConnection();
        }
    }

    private void closeLockConnection() {
        if (renewer != null) {
            renewer.shutdownNow();
        }
        if (lockConnection != null) {
            try {
                if (!lockConnection.getAutoCommit()) {
                    lockConnection.rollback();
                    lockConnection.setAutoCommit(true);
                }
            } catch (SQLException ignored) {
                // the connection is going away
            }
            try {
                source.release(lockConnection);
            } catch (SQLException ignored) {
                // nothing left to undo
            }
            lockConnection = null;
        }
    }

    private void acquireSessionLock(Connection c) throws SQLException {
        if (dialect == Dialect.POSTGRES) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + PG_LOCK_CLASS + ", hashtext(current_schema()))");
            }
        } else if (dialect.isMySqlFamily()) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT GET_LOCK(CONCAT('oxyde_migrate:', DATABASE()), "
                         + TIMEOUT_SECONDS + ")")) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new MigrationException("could not get the migration lock (GET_LOCK) within "
                            + TIMEOUT_SECONDS + " s: another migrator is still running");
                }
            }
        }
    }

    private void releaseSessionLock(Connection c) throws SQLException {
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while waiting for the migration lock");
        }
    }
}
