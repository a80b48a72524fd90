package io.oxyde.migrate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.oxyde.exception.MigrationException;

/**
 * A whole database schema: the tables the models describe. Migration files store one of these
 * after every migration, so the next diff starts from the latest snapshot instead of replaying history.
 */
public record Schema(List<TableDefinition> tables) {

    public Schema {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** The schema with no tables (before the first migration). */
    public static Schema empty() {
        return new Schema(List.of());
    }

    public static Schema of(TableDefinition... tables) {
        return new Schema(List.of(tables));
    }

    public Optional<TableDefinition> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The named table or a {@link MigrationException} saying it is missing. */
    public TableDefinition requireTable(String name) {
        return table(name).orElseThrow(() -> new MigrationException("table " + name + " does not exist in the schema"));
    }

    /** This schema with {@code table} added, or replacing the table of the same name. */
    public Schema withTable(TableDefinition table) {
        List<TableDefinition> list = new ArrayList<>();
        boolean replaced = false;
        for (TableDefinition t : tables) {
            if (t.name().equals(table.name())) {
                list.add(table);
                replaced = true;
            } else {
                list.add(t);
            }
        }
        if (!replaced) {
            list.add(table);
        }
        return new Schema(list);
    }

    public Schema withoutTable(String name) {
        return new Schema(tables.stream().filter(t -> !t.name().equals(name)).toList());
    }

    /** The schema without rename hints, as stored in migration files. */
    public Schema withoutHints() {
        return new Schema(tables.stream().map(TableDefinition::withoutHints).toList());
    }

    /** Validates every table and every foreign key target; throws a message naming the culprit. */
    public void validate() {
        Set<String> names = new HashSet<>();
        for (TableDefinition t : tables) {
            if (!names.add(t.name())) {
                throw new MigrationException("table " + t.name() + " is defined twice");
            }
            t.validate();
        }
        for (TableDefinition t : tables) {
            for (ForeignKeyDefinition fk : t.foreignKeys()) {
                TableDefinition target = table(fk.targetTable()).orElseThrow(() -> new MigrationException("table " + t.name()
                        + ": foreign key " + fk.name() + " references unknown table " + fk.targetTable()));
                for (String c : fk.targetColumns()) {
                    if (target.column(c).isEmpty()) {
                        throw new MigrationException("table " + t.name() + ": foreign key " + fk.name()
                                + " references unknown column " + fk.targetTable() + "." + c);
                    }
                }
            }
        }
    }
}
