package io.oxyde.migrate;

import java.util.List;
import io.oxyde.exception.MigrationException;

/** A named UNIQUE constraint over one or more columns ("unique together"). */
public record UniqueDefinition(String name, List<String> columns) {
    public UniqueDefinition {
        if (name == null || name.isBlank()) {
            throw new MigrationException("a unique constraint needs a name (columns " + columns + ")");
        }
        if (columns == null || columns.isEmpty()) {
            throw new MigrationException("unique constraint " + name + " needs at least one column");
        }
        columns = List.copyOf(columns);
    }

    public static UniqueDefinition of(String name, String... columns) {
        return new UniqueDefinition(name, List.of(columns));
    }

    public UniqueDefinition withColumns(List<String> newColumns) {
        return new UniqueDefinition(name, newColumns);
    }
}
