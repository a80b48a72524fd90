package io.oxyde.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds likely renames between two schemas: in one table, a column that disappears and a column that
 * appears with the same type, nullability and default; or a table that disappears and one that appears
 * with the same column names. Hinted renames are not reported (the diff already honours them).
 */
public final class RenameSuggestions {
    private RenameSuggestions() {
    }

    public static List<RenameSuggestion> find(Schema oldSchema, Schema newSchema) {
        List<RenameSuggestion> out = new ArrayList<>();
        List<TableDefinition> droppedTables = oldSchema.tables().stream()
                .filter(t -> newSchema.table(t.name()).isEmpty()
                        && newSchema.tables().stream().noneMatch(n -> t.name().equals(n.renamedFrom())))
                .toList();
        for (TableDefinition n : newSchema.tables()) {
            Optional<TableDefinition> o = oldSchema.table(n.name());
            if (o.isEmpty() && n.renamedFrom() == null) {
                for (TableDefinition d : droppedTables) {
                    if (d.columnNames().equals(n.columnNames())) {
                        out.add(new RenameSuggestion(n.name(), d.name(), n.name(), false));
                    }
                }
            }
            if (o.isEmpty()) {
                continue;
            }
            List<ColumnDefinition> dropped = o.get().columns().stream()
                    .filter(c -> n.column(c.name()).isEmpty()
                            && n.columns().stream().noneMatch(x -> c.name().equals(x.renamedFrom())))
                    .toList();
            for (ColumnDefinition added : n.columns()) {
                if (o.get().column(added.name()).isPresent() || added.renamedFrom() != null) {
                    continue;
                }
                for (ColumnDefinition d : dropped) {
                    if (d.sameDefinition(added.withComment(d.comment()))) {
                        out.add(new RenameSuggestion(n.name(), d.name(), added.name(), true));
                    }
                }
            }
        }
        return out;
    }
}
