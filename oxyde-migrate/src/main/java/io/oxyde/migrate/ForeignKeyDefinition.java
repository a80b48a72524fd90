package io.oxyde.migrate;

import java.util.List;
import io.oxyde.exception.MigrationException;

/**
 * A named foreign key constraint.
 *
 * @param name          constraint name
 * @param columns       referencing columns of the owning table
 * @param targetTable   referenced table (same database schema)
 * @param targetColumns referenced columns
 * @param onDelete      action on delete, NO_ACTION when null
 * @param onUpdate      action on update, NO_ACTION when null
 */
public record ForeignKeyDefinition(String name, List<String> columns, String targetTable, List<String> targetColumns,
                         ReferentialAction onDelete, ReferentialAction onUpdate) {
    public ForeignKeyDefinition {
        if (name == null || name.isBlank()) {
            throw new MigrationException("a foreign key needs a name (columns " + columns + " -> " + targetTable + ")");
        }
        if (columns == null || columns.isEmpty() || targetColumns == null || columns.size() != targetColumns.size()) {
            throw new MigrationException("foreign key " + name + " needs as many target columns as columns, got "
                    + columns + " -> " + targetColumns);
        }
        if (targetTable == null || targetTable.isBlank()) {
            throw new MigrationException("foreign key " + name + " needs a target table");
        }
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
        onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
        onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
    }

    /** A one-column foreign key with NO ACTION on delete and update. */
    public static ForeignKeyDefinition of(String name, String column, String targetTable, String targetColumn) {
        return new ForeignKeyDefinition(name, List.of(column), targetTable, List.of(targetColumn), null, null);
    }

    public ForeignKeyDefinition onDelete(ReferentialAction action) {
        return new ForeignKeyDefinition(name, columns, targetTable, targetColumns, action, onUpdate);
    }

    public ForeignKeyDefinition withColumns(List<String> newColumns) {
        return new ForeignKeyDefinition(name, newColumns, targetTable, targetColumns, onDelete, onUpdate);
    }

    public ForeignKeyDefinition withTarget(String newTable, List<String> newTargetColumns) {
        return new ForeignKeyDefinition(name, columns, newTable, newTargetColumns, onDelete, onUpdate);
    }
}
