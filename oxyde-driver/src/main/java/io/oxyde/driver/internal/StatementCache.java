package io.oxyde.driver.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept open per physical connection, keyed by their SQL (and how they return
 * generated keys), so that a query shape seen before skips {@code prepareStatement}.
 *
 * <p>Why: SQLite's JDBC driver has no statement cache of its own, so every execution compiled
 * the SQL again (the largest single cost of a SQLite point select); pgjdbc and Connector/J cache
 * parsed or server-side statements by SQL, but still build a statement object, and HikariCP a
 * proxy, per execution. Statements are prepared on the physical connection (unwrapped from
 * HikariCP's proxy, which would close them when the connection goes back to the pool) and live
 * as long as it does, at most {@link #perConnection} per connection (least recently used first
 * out).
 *
 * <p>Rules that keep it safe: a statement is lent to one execution at a time (a second lease of
 * the same SQL on the same connection while the first is out gets a fresh, uncached statement);
 * a statement whose execution failed is closed, never reused; the map entry of a connection
 * HikariCP has closed is dropped on the next sweep; {@link #close()} closes everything when the
 * pool closes.
 */
public final class StatementCache {

    /** How a statement returns generated keys: not at all, generically, or for named columns. */
    public enum Keys { NONE, GENERATED, NAMED }

    /**
     * Statements with longer SQL (the chunks of a large multi-row insert, thousands of
     * placeholders) are prepared each time: their shapes rarely repeat, and a driver's
     * prepared form of them is large.
     */
    static final int MAX_CACHED_SQL_CHARS = 16_384;

    private final int perConnection;
    private final int sweepAbove;
    private final ConcurrentHashMap<Connection, ConnectionStatements> byConnection = new ConcurrentHashMap<>();

    /**
     * @param perConnection most statements kept per connection; 0 turns caching off
     * @param maxConnections the pool size, so stale entries of closed connections are swept
     *                       once the map holds more connections than the pool can
     */
    public StatementCache(int perConnection, int maxConnections) {
        this.perConnection = perConnection;
        this.sweepAbove = Math.max(1, maxConnections);
    }

    /**
     * Lends a statement for {@code sql} on {@code pooled}: a cached one when there is one free,
     * otherwise a newly prepared one (kept in the cache if it has room).
     */
    public Lease lease(Connection pooled, String sql, Keys keys, List<String> keyColumns) throws SQLException {
        if (perConnection == 0 || sql.length() > MAX_CACHED_SQL_CHARS) {
            return new Lease(null, null, prepare(pooled, sql, keys, keyColumns));
        }
        Connection physical = physical(pooled);
        if (physical == null) {
            return new Lease(null, null, prepare(pooled, sql, keys, keyColumns));
        }
        ConnectionStatements statements = byConnection.get(physical);
        if (statements == null) {
            if (byConnection.size() >= sweepAbove) {
                sweep();
            }
            statements = byConnection.computeIfAbsent(physical, k -> new ConnectionStatements(perConnection));
        }
        Object key = keys == Keys.NONE ? sql : new KeyedSql(sql, keys, keyColumns);
        return statements.lease(key, physical, sql, keys, keyColumns);
    }

    /**
     * Closes and forgets every statement cached for {@code pooled}'s physical connection. Used on
     * SQLite after a statement was cancelled: {@code sqlite3_interrupt} acts on the whole
     * connection, and its flag is only cleared when a statement starts while none is active, so
     * the connection continues with freshly prepared statements.
     */
    public void discard(Connection pooled) {
        Connection physical = physical(pooled);
        ConnectionStatements statements = physical == null ? null : byConnection.remove(physical);
        if (statements != null) {
            statements.closeAll();
        }
    }

    /** The number of statements currently cached, over all connections (for tests and monitoring). */
    public int size() {
        int n = 0;
        for (ConnectionStatements s : byConnection.values()) {
            n += s.size();
        }
        return n;
    }

    /** Closes every cached statement; later leases prepare (and cache) again. */
    public void close() {
        for (Iterator<ConnectionStatements> it = byConnection.values().iterator(); it.hasNext(); ) {
            it.next().closeAll();
            it.remove();
        }
    }

    private void sweep() {
        for (Iterator<Map.Entry<Connection, ConnectionStatements>> it = byConnection.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Connection, ConnectionStatements> e = it.next();
            boolean closed;
            try {
                closed = e.getKey().isClosed();
            } catch (SQLException | RuntimeException ex) {
                closed = true;
            }
            if (closed) {
                e.getValue().closeAll();
                it.remove();
            }
        }
    }

    private static Connection physical(Connection pooled) {
        try {
            return pooled.unwrap(Connection.class);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Keys keys, List<String> keyColumns) throws SQLException {
        return switch (keys) {
            case GENERATED -> c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            case NAMED -> c.prepareStatement(sql, keyColumns.toArray(new String[0]));
            case NONE -> c.prepareStatement(sql);
        };
    }

    private record KeyedSql(String sql, Keys keys, List<String> keyColumns) {
    }

    /**
     * One lent statement. {@link #release(boolean)} gives it back (or closes it, if it was not
     * cached or its execution failed). The lease also carries what a cached statement learned
     * once: its placeholder count and its result layout.
     */
    public static final class Lease {
        private final ConnectionStatements owner;
        private final Entry entry;
        private final PreparedStatement statement;

        Lease(ConnectionStatements owner, Entry entry, PreparedStatement statement) {
            this.owner = owner;
            this.entry = entry;
            this.statement = statement;
        }

        public PreparedStatement statement() {
            return statement;
        }

        /** The placeholder count learned earlier for this statement, or -1. */
        public int knownParameterCount() {
            return entry == null ? -1 : entry.parameterCount;
        }

        public void rememberParameterCount(int count) {
            if (entry != null) {
                entry.parameterCount = count;
            }
        }

        /** The result layout learned earlier for this statement, or {@code null}. */
        public ResultLayout knownLayout() {
            return entry == null ? null : entry.layout;
        }

        public void rememberLayout(ResultLayout layout) {
            if (entry != null) {
                entry.layout = layout;
            }
        }

        /** How the result's columns were last read from this statement, or {@code null}. */
        CursorRow.Reads knownReads() {
            return entry == null ? null : entry.reads;
        }

        void rememberReads(CursorRow.Reads reads) {
            if (entry != null) {
                entry.reads = reads;
            }
        }

        /**
         * Returns the statement to the cache after a successful execution, its parameters
         * cleared (a cached statement must not pin the values it last ran with, such as the
         * rows of a large insert); closes it otherwise.
         */
        public void release(boolean succeeded) throws SQLException {
            if (entry != null && succeeded) {
                try {
                    statement.clearParameters();
                    owner.giveBack(entry);
                    return;
                } catch (SQLException | RuntimeException e) {
                    // fall through: a statement that cannot be reset is not reused
                }
            }
            if (entry != null) {
                owner.drop(entry);
            }
            statement.close();
        }
    }

    /** A cached statement and what is known about it. */
    static final class Entry {
        final Object key;
        final PreparedStatement statement;
        boolean inUse;
        boolean evicted;
        int parameterCount = -1;
        ResultLayout layout;
        CursorRow.Reads reads;

        Entry(Object key, PreparedStatement statement) {
            this.key = key;
            this.statement = statement;
        }
    }

    /** The statements of one physical connection, least recently used first. */
    static final class ConnectionStatements {
        private final LinkedHashMap<Object, Entry> entries;

        ConnectionStatements(int limit) {
            this.entries = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
                    if (size() <= limit) {
                        return false;
                    }
                    Entry e = eldest.getValue();
                    e.evicted = true;
                    if (!e.inUse) {
                        closeQuietly(e.statement);
                    }
                    return true;
                }
            };
        }

        Lease lease(Object key, Connection physical, String sql, Keys keys, List<String> keyColumns) throws SQLException {
            synchronized (this) {
                Entry e = entries.get(key);
                if (e != null && !e.inUse) {
                    e.inUse = true;
                    return new Lease(this, e, e.statement);
                }
                if (e != null) {
                    // the same SQL is already running on this connection: lend an uncached one
                    return new Lease(null, null, prepare(physical, sql, keys, keyColumns));
                }
            }
            PreparedStatement ps = prepare(physical, sql, keys, keyColumns);
            synchronized (this) {
                if (entries.containsKey(key)) {
                    return new Lease(null, null, ps);
                }
                Entry e = new Entry(key, ps);
                e.inUse = true;
                entries.put(key, e);
                return new Lease(this, e, ps);
            }
        }

        synchronized void giveBack(Entry e) {
            e.inUse = false;
            if (e.evicted) {
                closeQuietly(e.statement);
            }
        }

        synchronized void drop(Entry e) {
            e.inUse = false;
            e.evicted = true;
            if (entries.get(e.key) == e) {
                entries.remove(e.key);
            }
        }

        synchronized int size() {
            return entries.size();
        }

        synchronized void closeAll() {
            List<Entry> all = new ArrayList<>(entries.values());
            entries.clear();
            for (Entry e : all) {
                e.evicted = true;
                if (!e.inUse) {
                    closeQuietly(e.statement);
                }
            }
        }

        private static void closeQuietly(PreparedStatement ps) {
            try {
                ps.close();
            } catch (SQLException | RuntimeException ignored) {
                // a statement of a closed connection may refuse; it is gone either way
            }
        }
    }
}
