package io.oxyde.migrate.internal;

import io.oxyde.migrate.ForeignKeyDefinition;
import io.oxyde.exception.MigrationException;
import io.oxyde.migrate.Schema;
import io.oxyde.migrate.TableDefinition;
import java.util.ArrayList;
import java.util.List;

/** Schema edits shared by several operations: renames that must follow references, column drops. */
public final class SchemaEditor {
    private SchemaEditor() {
    }

    /** Renames a table and repoints every foreign key that targets it. */
    public static Schema renameTable(Schema schema, String from, String to) {
        TableDefinition t = schema.requireTable(from);
        if (schema.table(to).isPresent()) {
            throw new MigrationException("cannot rename table " + from + " to " + to + ": " + to + " already exists");
        }
        List<TableDefinition> tables = new ArrayList<>();
        for (TableDefinition other : schema.tables()) {
            TableDefinition renamed = other == t ? other.withName(to) : other;
            tables.add(renamed.withForeignKeys(renamed.foreignKeys().stream()
                    .map(fk -> fk.targetTable().equals(from) ? fk.withTarget(to, fk.targetColumns()) : fk).toList()));
        }
        return new Schema(tables);
    }

    /** Renames a column in its table's constraints and in foreign keys that target it. */
    public static Schema renameColumn(Schema schema, String table, String from, String to) {
        TableDefinition t = schema.requireTable(table);
        if (t.column(from).isEmpty()) {
            throw new MigrationException("cannot rename column " + table + "." + from + ": it does not exist");
        }
        if (t.column(to).isPresent()) {
            throw new MigrationException("cannot rename column " + table + "." + from + " to " + to + ": it exists");
        }
        TableDefinition renamed = t.mapColumn(from, c -> c.withName(to))
                .withPrimaryKey(swap(t.primaryKey(), from, to))
                .withUniques(t.uniques().stream().map(u -> u.withColumns(swap(u.columns(), from, to))).toList())
                .withIndexes(t.indexes().stream().map(i -> i.withColumns(swap(i.columns(), from, to))).toList())
                .withForeignKeys(t.foreignKeys().stream().map(f -> f.withColumns(swap(f.columns(), from, to))).toList());
        Schema result = schema.withTable(renamed);
        List<TableDefinition> tables = new ArrayList<>();
        for (TableDefinition other : result.tables()) {
            tables.add(other.withForeignKeys(other.foreignKeys().stream().map(fk -> fk.targetTable().equals(table)
                    ? fk.withTarget(table, swap(fk.targetColumns(), from, to)) : fk).toList()));
        }
        return new Schema(tables);
    }

    /** Drops a column together with the indexes and constraints that use it (as the databases do). */
    public static Schema dropColumn(Schema schema, String table, String column) {
        TableDefinition t = schema.requireTable(table);
        if (t.column(column).isEmpty()) {
            throw new MigrationException("cannot drop column " + table + "." + column + ": it does not exist");
        }
        TableDefinition dropped = t.withColumns(t.columns().stream().filter(c -> !c.name().equals(column)).toList())
                .withUniques(t.uniques().stream().filter(u -> !u.columns().contains(column)).toList())
                .withIndexes(t.indexes().stream().filter(i -> !i.columns().contains(column)).toList())
                .withForeignKeys(t.foreignKeys().stream().filter(f -> !f.columns().contains(column)).toList());
        return schema.withTable(dropped);
    }

    /** Replaces {@code from} by {@code to} in a column list. */
    public static List<String> swap(List<String> columns, String from, String to) {
        return columns.stream().map(c -> c.equals(from) ? to : c).toList();
    }

    /** Whether a foreign key references the given table. */
    public static boolean targets(ForeignKeyDefinition fk, String table) {
        return fk.targetTable().equals(table);
    }
}
