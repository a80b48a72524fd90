package io.oxyde.bench.variant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept open per physical connection, keyed by SQL: the raw floor. SQLite's
 * JDBC driver has no statement cache (every {@code prepareStatement} compiles the SQL again), so
 * the raw variant keeps its own on every database, which is also at least as cheap as pgjdbc's and
 * Connector/J's caches. Statements are prepared on the physical connection (unwrapped from
 * HikariCP's proxy, which would close them when the connection goes back to the pool) and live as
 * long as it does; the bench never runs longer than HikariCP's 30-minute connection lifetime.
 */
final class StatementCache {

    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    PreparedStatement get(Connection pooled, String sql) throws SQLException {
        return get(pooled, sql, false);
    }

    /** A statement that returns generated keys ({@code Statement.RETURN_GENERATED_KEYS}) when {@code keys}. */
    PreparedStatement get(Connection pooled, String sql, boolean keys) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        Map<String, PreparedStatement> statements = byConnection.computeIfAbsent(physical, k -> new ConcurrentHashMap<>());
        String key = keys ? "keys:" + sql : sql;
        PreparedStatement ps = statements.get(key);
        if (ps == null) {
            ps = keys ? physical.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : physical.prepareStatement(sql);
            statements.put(key, ps);
        }
        return ps;
    }

    void close() {
        for (Map<String, PreparedStatement> m : byConnection.values()) {
            for (PreparedStatement ps : m.values()) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // the pool is closing anyway
                }
            }
        }
        byConnection.clear();
    }
}
