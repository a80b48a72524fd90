package io.oxyde.migrate.internal;

import io.oxyde.migrate.ColumnDefinition;
import io.oxyde.migrate.ColumnType;
import io.oxyde.migrate.ForeignKeyDefinition;
import io.oxyde.migrate.IndexDefinition;
import io.oxyde.dialect.Dialect;
import io.oxyde.migrate.ReferentialAction;
import io.oxyde.migrate.Schema;
import io.oxyde.migrate.TableDefinition;
import io.oxyde.migrate.TypeKind;
import io.oxyde.migrate.UniqueDefinition;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Builds a {@link Schema} from JDBC metadata for {@code SchemaInspector}; one instance per read. */
public final class SchemaReader {
    private final Connection c;
    private final Dialect dialect;
    private final DatabaseMetaData meta;
    private final String catalog;
    private final String schema;

    public SchemaReader(Connection c, Dialect dialect) throws SQLException {
        this.c = c;
        this.dialect = dialect;
        this.meta = c.getMetaData();
        this.catalog = dialect.isMySqlFamily() ? c.getCatalog() : null;
        this.schema = dialect == Dialect.POSTGRES ? c.getSchema() : null;
    }

    public Schema read() throws SQLException {
        List<TableDefinition> tables = new ArrayList<>();
        for (String name : tableNames()) {
            tables.add(table(name));
        }
        return new Schema(tables);
    }

    private List<String> tableNames() throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.startsWith("sqlite_") && !name.startsWith(SqliteDdl.REBUILD_PREFIX)
                        && !name.equals(HistoryTable.NAME) && !name.equals(FailureLog.NAME)
                        && !name.equals(MigrationLock.TABLE)) {
                    out.add(name);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private TableDefinition table(String name) throws SQLException {
        List<String> pk = primaryKey(name);
        TableDefinition t = TableDefinition.named(name).withColumns(columns(name, pk)).withPrimaryKey(pk).withForeignKeys(foreignKeys(name));
        List<IndexDefinition> indexes = new ArrayList<>();
        List<UniqueDefinition> uniques = new ArrayList<>();
        for (IndexDefinition i : indexes(name)) {
            if (i.unique() && i.columns().equals(pk) || !t.columnNames().containsAll(i.columns())) {
                continue;  // the primary key's own index, or an expression index
            }
            if (dialect.isMySqlFamily() && t.foreignKeys().stream().anyMatch(fk -> fk.name().equalsIgnoreCase(i.name()))) {
                continue;  // InnoDB's index of a foreign key: the DDL recreates it with the key (FkIndexes)
            }
            if (i.name().startsWith("sqlite_autoindex_")) {
                uniques.add(new UniqueDefinition("uq_" + name + "_" + String.join("_", i.columns()), i.columns()));
            } else {
                indexes.add(i);
            }
        }
        return t.withIndexes(indexes).withUniques(uniques);
    }

    private List<String> primaryKey(String table) throws SQLException {
        Map<Integer, String> byPosition = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                byPosition.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(byPosition.values());
    }

    private List<ColumnDefinition> columns(String table, List<String> pk) throws SQLException {
        Map<String, String> mysqlTypes = dialect.isMySqlFamily() ? mysqlColumnTypes(table) : Map.of();
        boolean sqliteAutoincrement = dialect == Dialect.SQLITE && sqliteSql(table).toUpperCase(Locale.ROOT)
                .contains("AUTOINCREMENT");
        List<ColumnDefinition> out = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                ColumnType type = InspectedTypes.of(dialect, rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"),
                        rs.getInt("DECIMAL_DIGITS"), mysqlTypes.get(name));
                boolean onlyKey = pk.size() == 1 && pk.get(0).equals(name);
                boolean identity = dialect == Dialect.SQLITE
                        ? sqliteAutoincrement && onlyKey && type.kind() == TypeKind.BIGINT
                        : "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
                String def = identity ? null : normalDefault(rs.getString("COLUMN_DEF"));
                boolean nullable = !identity && !pk.contains(name) && rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
                out.add(new ColumnDefinition(name, type, nullable, def, identity, null, null));
            }
        }
        return out;
    }

    private static String normalDefault(String def) {
        return def == null || def.equalsIgnoreCase("NULL") ? null : def;
    }

    private Map<String, String> mysqlColumnTypes(String table) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, column_type FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private String sqliteSql(String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
            }
        }
    }

    private List<ForeignKeyDefinition> foreignKeys(String table) throws SQLException {
        record Part(String target, String column, String targetColumn, int onDelete, int onUpdate) { }
        Map<String, TreeMap<Integer, Part>> byName = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
            int unnamed = 0;
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                int seq = rs.getInt("KEY_SEQ");
                if (name == null || name.isBlank()) {
                    name = "\u0000" + (seq == 1 ? ++unnamed : unnamed);  // SQLite: unnamed, named below
                }
                byName.computeIfAbsent(name, k -> new TreeMap<>()).put(seq, new Part(rs.getString("PKTABLE_NAME"),
                        rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME"), rs.getInt("DELETE_RULE"),
                        rs.getInt("UPDATE_RULE")));
            }
        }
        List<ForeignKeyDefinition> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Part>> e : byName.entrySet()) {
            List<Part> parts = new ArrayList<>(e.getValue().values());
            List<String> cols = parts.stream().map(Part::column).toList();
            String name = e.getKey().startsWith("\u0000") ? "fk_" + table + "_" + String.join("_", cols) : e.getKey();
            out.add(new ForeignKeyDefinition(name, cols, parts.get(0).target(), parts.stream().map(Part::targetColumn).toList(),
                    action(parts.get(0).onDelete()), action(parts.get(0).onUpdate())));
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    private static ReferentialAction action(int rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> ReferentialAction.CASCADE;
            case DatabaseMetaData.importedKeyRestrict -> ReferentialAction.RESTRICT;
            case DatabaseMetaData.importedKeySetNull -> ReferentialAction.SET_NULL;
            case DatabaseMetaData.importedKeySetDefault -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private List<IndexDefinition> indexes(String table) throws SQLException {
        record Entry(boolean unique, TreeMap<Integer, String> columns, String[] where) { }
        Map<String, Entry> byName = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
                        || name.equalsIgnoreCase("PRIMARY")) {
                    continue;
                }
                Entry entry = byName.computeIfAbsent(name, k -> new Entry(false, new TreeMap<>(), new String[1]));
                if (!rs.getBoolean("NON_UNIQUE") && !entry.unique()) {
                    entry = new Entry(true, entry.columns(), entry.where());
                    byName.put(name, entry);
                }
                entry.columns().put((int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
                entry.where()[0] = rs.getString("FILTER_CONDITION");
            }
        }
        List<IndexDefinition> out = new ArrayList<>();
        byName.forEach((name, e) -> {
            IndexDefinition i = new IndexDefinition(name, new ArrayList<>(e.columns().values()), e.unique(), null, null);
            out.add(e.where()[0] == null || e.where()[0].isBlank() ? i : i.where(e.where()[0]));
        });
        return out;
    }
}
