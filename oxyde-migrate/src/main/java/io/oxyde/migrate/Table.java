package io.oxyde.migrate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

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
public record Table(String name, String schema, List<Column> columns, List<String> primaryKey,
                    List<UniqueConstraint> uniques, List<Index> indexes, List<ForeignKey> foreignKeys,
                    List<Check> checks, String comment, String renamedFrom) {

    public Table {
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
    public static Table named(String name) {
        return new Table(name, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }

    /** Looks a column up by name. */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** Names of all columns, in order. */
    @JsonIgnore
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public Table withColumn(Column column) {
        List<Column> list = new ArrayList<>(columns);
        list.add(column);
        return withColumns(list);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, schema, newColumns, primaryKey, uniques, indexes, foreignKeys, checks, comment, renamedFrom);
    }

    /** Replaces the named column through {@code edit}. */
    public Table mapColumn(String columnName, UnaryOperator<Column> edit) {
        return withColumns(columns.stream().map(c -> c.name().equals(columnName) ? edit.apply(c) : c).toList());
    }

    public Table withName(String newName) {
        return new Table(newName, schema, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, renamedFrom);
    }

    public Table withSchema(String newSchema) {
        return new Table(name, newSchema, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, renamedFrom);
    }

    public Table withPrimaryKey(String... pkColumns) {
        return withPrimaryKey(List.of(pkColumns));
    }

    public Table withPrimaryKey(List<String> pkColumns) {
        return new Table(name, schema, columns, pkColumns, uniques, indexes, foreignKeys, checks, comment, renamedFrom);
    }

    public Table withUnique(UniqueConstraint unique) {
        return withUniques(append(uniques, unique));
    }

    public Table withUniques(List<UniqueConstraint> newUniques) {
        return new Table(name, schema, columns, primaryKey, newUniques, indexes, foreignKeys, checks, comment, renamedFrom);
    }

    public Table withIndex(Index index) {
        return withIndexes(append(indexes, index));
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(name, schema, columns, primaryKey, uniques, newIndexes, foreignKeys, checks, comment, renamedFrom);
    }

    public Table withForeignKey(ForeignKey foreignKey) {
        return withForeignKeys(append(foreignKeys, foreignKey));
    }

    public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
        return new Table(name, schema, columns, primaryKey, uniques, indexes, newForeignKeys, checks, comment, renamedFrom);
    }

    public Table withCheck(Check check) {
        return withChecks(append(checks, check));
    }

    public Table withChecks(List<Check> newChecks) {
        return new Table(name, schema, columns, primaryKey, uniques, indexes, foreignKeys, newChecks, comment, renamedFrom);
    }

    public Table withComment(String newComment) {
        return new Table(name, schema, columns, primaryKey, uniques, indexes, foreignKeys, checks, newComment, renamedFrom);
    }

    /** This table, renamed from {@code oldName} (the diff then emits a rename, never drop + create). */
    public Table renamedFrom(String oldName) {
        return new Table(name, schema, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, oldName);
    }

    /** The same table without rename hints (its own and its columns'), as stored in snapshots. */
    public Table withoutHints() {
        return new Table(name, schema, columns.stream().map(Column::withoutHint).toList(), primaryKey, uniques,
                indexes, foreignKeys, checks, comment, null);
    }

    /** Checks names are unique and every constraint names existing columns; throws a message naming the culprit. */
    public void validate() {
        Set<String> cols = new HashSet<>();
        for (Column c : columns) {
            if (!cols.add(c.name())) {
                throw new MigrationException("table " + name + ": column " + c.name() + " is defined twice");
            }
        }
        if (columns.isEmpty()) {
            throw new MigrationException("table " + name + " has no columns");
        }
        requireColumns("primary key", primaryKey, cols);
        Set<String> names = new HashSet<>();
        for (UniqueConstraint u : uniques) {
            requireColumns("unique constraint " + u.name(), u.columns(), cols);
            requireNewName(names, u.name());
        }
        for (Index i : indexes) {
            requireColumns("index " + i.name(), i.columns(), cols);
            requireNewName(names, i.name());
        }
        for (ForeignKey f : foreignKeys) {
            requireColumns("foreign key " + f.name(), f.columns(), cols);
            requireNewName(names, f.name());
        }
        for (Check c : checks) {
            requireNewName(names, c.name());
        }
        long identities = columns.stream().filter(Column::autoIncrement).count();
        if (identities > 0) {
            Column id = columns.stream().filter(Column::autoIncrement).findFirst().orElseThrow();
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
