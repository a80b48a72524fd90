package io.oxyde.migrate;

import java.util.List;

/** A named UNIQUE constraint over one or more columns ("unique together"). */
public record UniqueConstraint(String name, List<String> columns) {
    public UniqueConstraint {
        if (name == null || name.isBlank()) {
            throw new MigrationException("a unique constraint needs a name (columns " + columns + ")");
        }
        if (columns == null || columns.isEmpty()) {
            throw new MigrationException("unique constraint " + name + " needs at least one column");
        }
        columns = List.copyOf(columns);
    }

    public static UniqueConstraint of(String name, String... columns) {
        return new UniqueConstraint(name, List.of(columns));
    }

    public UniqueConstraint withColumns(List<String> newColumns) {
        return new UniqueConstraint(name, newColumns);
    }
}
