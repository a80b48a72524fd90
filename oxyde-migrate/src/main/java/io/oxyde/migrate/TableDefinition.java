package io.oxyde.migrate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import io.oxyde.exception.MigrationException;

/**
 * One table of a {@link Schema}: immutable, built with the {@code with…} methods.
 *
 * @param name        table name
 * @param schema      database schema (PostgreSQL), null for the connection's default
 * @param columns     columns in order
 * @param primaryKey  primary key columns (may be empty)
 * @param uniques     unique-together constraints
 * @param indexes     indexes
 * @param foreignKeys foreign keys
 * @param checks      check constraints
 * @param comment     table comment, or null
 * @param renamedFrom hint: the table's previous name, so the diff emits a rename; never stored in snapshots
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TableDefinition(String name, String schema, List<ColumnDefinition> columns, List<String> primaryKey,
                    List<UniqueDefinition> uniques, List<IndexDefinition> indexes, List<ForeignKeyDefinition> foreignKeys,
                    List<CheckDefinition> checks, String comment, String renamedFrom) {

    public TableDefinition {
        if (name == null || name.isBlank()) {
            throw new MigrationException("a table needs a name");
        }
        columns = columns == null ? List.of() : List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        uniques = uniques == null ? List.of() : List.copyOf(uniques);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** An empty table to add columns and constraints to. */
    public static TableDefinition named(String name) {
        return new TableDefinition(name, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }

    /** Looks a column up by name. */
    public Optional<ColumnDefinition> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** Names of all columns, in order. */
    @JsonIgnore
    public List<String> columnNames() {
        return columns.stream().map(ColumnDefinition::name).toList();
    }

    public TableDefinition withColumn(ColumnDefinition column) {
        List<ColumnDefinition> list = new ArrayList<>(columns);
        list.add(column);
        return withColumns(list);
    }

    public TableDefinition withColumns(List<ColumnDefinition> newColumns) {
        return new TableDefinition(name, schema, newColumns, primaryKey, uniques, indexes, foreignKeys, checks, comment, renamedFrom);
    }

    /** Replaces the named column through {@code edit}. */
    public TableDefinition mapColumn(String columnName, UnaryOperator<ColumnDefinition> edit) {
        return withColumns(columns.stream().map(c -> c.name().equals(columnName) ? edit.apply(c) : c).toList());
    }

    public TableDefinition withName(String newName) {
        return new TableDefinition(newName, schema, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, renamedFrom);
    }

    public TableDefinition withSchema(String newSchema) {
        return new TableDefinition(name, newSchema, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, renamedFrom);
    }

    public TableDefinition withPrimaryKey(String... pkColumns) {
        return withPrimaryKey(List.of(pkColumns));
    }

    public TableDefinition withPrimaryKey(List<String> pkColumns) {
        return new TableDefinition(name, schema, columns, pkColumns, uniques, indexes, foreignKeys, checks, comment, renamedFrom);
    }

    public TableDefinition withUnique(UniqueDefinition unique) {
        return withUniques(append(uniques, unique));
    }

    public TableDefinition withUniques(List<UniqueDefinition> newUniques) {
        return new TableDefinition(name, schema, columns, primaryKey, newUniques, indexes, foreignKeys, checks, comment, renamedFrom);
    }

    public TableDefinition withIndex(IndexDefinition index) {
        return withIndexes(append(indexes, index));
    }

    public TableDefinition withIndexes(List<IndexDefinition> newIndexes) {
        return new TableDefinition(name, schema, columns, primaryKey, uniques, newIndexes, foreignKeys, checks, comment, renamedFrom);
    }

    public TableDefinition withForeignKey(ForeignKeyDefinition foreignKey) {
        return withForeignKeys(append(foreignKeys, foreignKey));
    }

    public TableDefinition withForeignKeys(List<ForeignKeyDefinition> newForeignKeys) {
        return new TableDefinition(name, schema, columns, primaryKey, uniques, indexes, newForeignKeys, checks, comment, renamedFrom);
    }

    public TableDefinition withCheck(CheckDefinition check) {
        return withChecks(append(checks, check));
    }

    public TableDefinition withChecks(List<CheckDefinition> newChecks) {
        return new TableDefinition(name, schema, columns, primaryKey, uniques, indexes, foreignKeys, newChecks, comment, renamedFrom);
    }

    public TableDefinition withComment(String newComment) {
        return new TableDefinition(name, schema, columns, primaryKey, uniques, indexes, foreignKeys, checks, newComment, renamedFrom);
    }

    /** This table, renamed from {@code oldName} (the diff then emits a rename, never drop + create). */
    public TableDefinition renamedFrom(String oldName) {
        return new TableDefinition(name, schema, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, oldName);
    }

    /** The same table without rename hints (its own and its columns'), as stored in snapshots. */
    public TableDefinition withoutHints() {
        return new TableDefinition(name, schema, columns.stream().map(ColumnDefinition::withoutHint).toList(), primaryKey, uniques,
                indexes, foreignKeys, checks, comment, null);
    }

    /** Checks names are unique and every constraint names existing columns; throws a message naming the culprit. */
    public void validate() {
        Set<String> cols = new HashSet<>();
        for (ColumnDefinition c : columns) {
            if (!cols.add(c.name())) {
                throw new MigrationException("table " + name + ": column " + c.name() + " is defined twice");
            }
        }
        if (columns.isEmpty()) {
            throw new MigrationException("table " + name + " has no columns");
        }
        requireColumns("primary key", primaryKey, cols);
        Set<String> names = new HashSet<>();
        for (UniqueDefinition u : uniques) {
            requireColumns("unique constraint " + u.name(), u.columns(), cols);
            requireNewName(names, u.name());
        }
        for (IndexDefinition i : indexes) {
            requireColumns("index " + i.name(), i.columns(), cols);
            requireNewName(names, i.name());
        }
        for (ForeignKeyDefinition f : foreignKeys) {
            requireColumns("foreign key " + f.name(), f.columns(), cols);
            requireNewName(names, f.name());
        }
        for (CheckDefinition c : checks) {
            requireNewName(names, c.name());
        }
        long identities = columns.stream().filter(ColumnDefinition::autoIncrement).count();
        if (identities > 0) {
            ColumnDefinition id = columns.stream().filter(ColumnDefinition::autoIncrement).findFirst().orElseThrow();
            if (identities > 1 || !primaryKey.equals(List.of(id.name()))) {
                throw new MigrationException("table " + name + ": an auto-increment column must be the whole primary key"
                        + " (auto-increment " + id.name() + ", primary key " + primaryKey + ")");
            }
        }
    }

    private void requireColumns(String what, List<String> used, Set<String> cols) {
        for (String c : used) {
            if (!cols.contains(c)) {
                throw new MigrationException("table " + name + ": " + what + " names unknown column " + c);
            }
        }
    }

    private void requireNewName(Set<String> names, String constraint) {
        if (!names.add(constraint)) {
            throw new MigrationException("table " + name + ": constraint or index name " + constraint + " is used twice");
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
