package io.oxyde.migrate.internal;

import io.oxyde.migrate.MigrationOperation;
import io.oxyde.migrate.Schema;
import io.oxyde.migrate.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a migration on SQLite with at most one rebuild per table for each run of operations that
 * rebuild it: such operations only mark the table, and the rebuild from the marked shape to the
 * current one is written when something else touches the table (an index, a rename, a native
 * column add, raw SQL) or at the end; a table that is dropped is not rebuilt first. A column dropped and added again under the same name starts a
 * new rebuild, so the old values are not copied into the new column.
 */
final class SqliteRebuilds {
    private final SqliteDdl ddl;
    private final Map<String, TableDefinition> pending = new LinkedHashMap<>();
    private final List<String> out = new ArrayList<>();

    SqliteRebuilds(SqliteDdl ddl) {
        this.ddl = ddl;
    }

    List<String> render(List<MigrationOperation> ops, Schema start) {
        Schema schema = start;
        for (MigrationOperation op : ops) {
            String table = op.tableName();
            if (op instanceof MigrationOperation.DropTable) {
                pending.remove(table);  // no point rebuilding a table that is dropped next
            } else if (table == null || op instanceof MigrationOperation.RenameTable) {
                flushAll(schema);
            } else if (!ddl.rebuilds(op) || readdsDroppedColumn(op)) {
                flush(table, schema);
            }
            if (table != null && ddl.rebuilds(op)) {
                pending.putIfAbsent(table, schema.requireTable(table));
            } else {
                out.addAll(ddl.render(op, schema));
            }
            schema = op.applyTo(schema);
        }
        flushAll(schema);
        return out;
    }

    private boolean readdsDroppedColumn(MigrationOperation op) {
        if (!(op instanceof MigrationOperation.AddColumn add)) {
            return false;
        }
        TableDefinition marked = pending.get(add.table());
        return marked != null && marked.column(add.column().name()).isPresent();
    }

    private void flush(String table, Schema schema) {
        TableDefinition marked = pending.remove(table);
        if (marked != null) {
            out.addAll(ddl.rebuild(marked, schema.requireTable(table)));
        }
    }

    private void flushAll(Schema schema) {
        for (String table : List.copyOf(pending.keySet())) {
            flush(table, schema);
        }
    }
}
