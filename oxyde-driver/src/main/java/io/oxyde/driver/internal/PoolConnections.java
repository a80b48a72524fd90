package io.oxyde.driver.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where a pool's connections come from: the HikariCP pool Oxyde opened from a URL (it owns it
 * and closes it), or a {@link DataSource} the application handed over (it borrows from it,
 * never reconfigures or closes it; the application does).
 *
 * <p>Why one type: the executors, statement runner and transactions only need to borrow,
 * return and evict connections, so both origins run the same machinery.
 */
final class PoolConnections {

    private final DataSource dataSource;
    private final HikariDataSource hikari;
    private final boolean owned;

    private PoolConnections(DataSource dataSource, HikariDataSource hikari, boolean owned) {
        this.dataSource = dataSource;
        this.hikari = hikari;
        this.owned = owned;
    }

    /** A HikariCP pool Oxyde opened and closes. */
    public static PoolConnections owned(HikariDataSource hikari) {
        return new PoolConnections(hikari, hikari, true);
    }

    /** The application's data source: borrowed from, never closed. */
    public static PoolConnections external(DataSource dataSource) {
        return new PoolConnections(dataSource, hikariBehind(dataSource), false);
    }

    private static HikariDataSource hikariBehind(DataSource ds) {
        if (ds instanceof HikariDataSource h) {
            return h;
        }
        try {
            return ds.isWrapperFor(HikariDataSource.class) ? ds.unwrap(HikariDataSource.class) : null;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Takes a connection out of service instead of returning it (its state is unknown). HikariCP
     * evicts it; any other pool gets a JDBC {@code abort}, which marks it closed so the pool
     * drops it (falling back to {@code close} where the pool does not support abort).
     */
    public void evictConnection(Connection c) {
        if (hikari != null) {
            hikari.evictConnection(c);
            return;
        }
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException | AbstractMethodError e) {
            // not supported: closing is all that is left
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // already gone
        }
    }

    /** The data source connections are borrowed from. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The HikariCP pool behind the connections, or {@code null} when the application's pool is another. */
    public HikariDataSource hikari() {
        return hikari;
    }

    /** HikariCP's live counters, or {@code null} when not a HikariCP pool (or not started). */
    public HikariPoolMXBean hikariCounters() {
        return hikari == null ? null : hikari.getHikariPoolMXBean();
    }

    /** Whether Oxyde opened this pool (and so closes it). */
    public boolean owned() {
        return owned;
    }

    /** Closes the pool if Oxyde opened it; an application's data source stays open. */
    public void close() {
        if (owned) {
            hikari.close();
        }
    }
}
