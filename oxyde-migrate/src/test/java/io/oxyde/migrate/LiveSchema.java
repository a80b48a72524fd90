package io.oxyde.migrate;

import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Reads the live schema back through JDBC metadata, so tests check what the database really has. */
final class LiveSchema {
    record ColumnInfo(String type, int size, boolean nullable, String defaultValue) {
    }

    private final Connection c;
    private final boolean sqlite;
    private final String catalog;
    private final String schema;

    LiveSchema(Connection c, TestDatabase db) throws SQLException {
        this.c = c;
        this.sqlite = db.kind() == io.oxyde.testkit.DatabaseKind.SQLITE;
        switch (db.kind()) {
            case POSTGRES -> { catalog = null; schema = c.getSchema(); }
            case MARIADB -> { catalog = c.getCatalog(); schema = null; }
            default -> { catalog = null; schema = null; }
        }
    }

    boolean hasTable(String table) throws SQLException {
        return tables().contains(table);
    }

    List<String> tables() throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.startsWith("sqlite_") && !name.equals("oxyde_migrations")) {
                    out.add(name);
                }
            }
        }
        out.sort(null);
        return out;
    }

    Map<String, ColumnInfo> columns(String table) throws SQLException {
        refresh();
        Map<String, ColumnInfo> out = new LinkedHashMap<>();
        try (ResultSet rs = c.getMetaData().getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                out.put(rs.getString("COLUMN_NAME"), new ColumnInfo(rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT),
                        rs.getInt("COLUMN_SIZE"), rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable,
                        rs.getString("COLUMN_DEF")));
            }
        }
        return out;
    }

    /** The table's comment (JDBC REMARKS), null when none. */
    String tableComment(String table) throws SQLException {
        refresh();
        if (catalog != null) {
            // MySQL Connector/J leaves REMARKS of getTables empty; read the catalog
            List<String> rows = rows("SELECT table_comment FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_name = '" + table + "'");
            return rows.isEmpty() ? null : blankToNull(rows.get(0));
        }
        try (ResultSet rs = c.getMetaData().getTables(catalog, schema, table, new String[] {"TABLE"})) {
            return rs.next() ? blankToNull(rs.getString("REMARKS")) : null;
        }
    }

    /** A column's comment (JDBC REMARKS), null when none. */
    String columnComment(String table, String column) throws SQLException {
        refresh();
        try (ResultSet rs = c.getMetaData().getColumns(catalog, schema, table, column)) {
            return rs.next() ? blankToNull(rs.getString("REMARKS")) : null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Index name (lower case) to its unique flag; includes PK / unique-constraint indexes where the driver reports them. */
    Map<String, Boolean> indexes(String table) throws SQLException {
        refresh();
        Map<String, Boolean> out = new TreeMap<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name != null) {
                    out.put(name.toLowerCase(Locale.ROOT), !rs.getBoolean("NON_UNIQUE"));
                }
            }
        }
        return out;
    }

    /** Foreign key column to referenced table. */
    Map<String, String> foreignKeys(String table) throws SQLException {
        refresh();
        Map<String, String> out = new TreeMap<>();
        try (ResultSet rs = c.getMetaData().getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                out.put(rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME"));
            }
        }
        return out;
    }

    /**
     * SQLite PRAGMAs (which the driver's metadata uses) read the connection's cached schema; a real
     * statement first makes SQLite notice another connection's DDL.
     */
    private void refresh() throws SQLException {
        if (sqlite) {
            rows("SELECT count(*) FROM sqlite_master");
        }
    }

    /** Rows of a query as "a|b|c" strings. */
    List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** Whether a statement succeeds (used to probe constraints by behaviour). */
    boolean succeeds(String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    void exec(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
