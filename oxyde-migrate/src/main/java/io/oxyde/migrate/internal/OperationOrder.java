package io.oxyde.migrate.internal;

import io.oxyde.migrate.ForeignKeyDefinition;
import io.oxyde.migrate.MigrationOperation;
import io.oxyde.migrate.MigrationOperation.AddCheck;
import io.oxyde.migrate.MigrationOperation.AddColumn;
import io.oxyde.migrate.MigrationOperation.AddForeignKey;
import io.oxyde.migrate.MigrationOperation.AddUnique;
import io.oxyde.migrate.MigrationOperation.AlterColumn;
import io.oxyde.migrate.MigrationOperation.CreateIndex;
import io.oxyde.migrate.MigrationOperation.CreateTable;
import io.oxyde.migrate.MigrationOperation.DropCheck;
import io.oxyde.migrate.MigrationOperation.DropColumn;
import io.oxyde.migrate.MigrationOperation.DropForeignKey;
import io.oxyde.migrate.MigrationOperation.DropIndex;
import io.oxyde.migrate.MigrationOperation.DropTable;
import io.oxyde.migrate.MigrationOperation.DropUnique;
import io.oxyde.migrate.MigrationOperation.RenameColumn;
import io.oxyde.migrate.MigrationOperation.RenameTable;
import io.oxyde.migrate.Schema;
import io.oxyde.migrate.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders diff operations by their dependencies: dependants are dropped before what they depend on
 * (foreign keys, checks, uniques, indexes, then columns, then tables, referencing tables first),
 * renames come next, then created tables in foreign-key order, columns, and finally constraints.
 * Foreign-key cycles (mutual references) are broken by creating the tables without the cycle's
 * foreign keys and adding those afterwards; when dropping a cycle, its foreign keys are dropped first.
 * Self-references never need breaking: a table may reference itself in its own CREATE TABLE.
 */
public final class OperationOrder {
    private OperationOrder() {
    }

    /** Orders {@code ops} (diff output against {@code oldSchema}, after renames). */
    public static List<MigrationOperation> order(List<MigrationOperation> ops, Schema oldSchema) {
        List<MigrationOperation> dropFks = new ArrayList<>();
        List<MigrationOperation> dropOthers = new ArrayList<>();
        List<MigrationOperation> renames = new ArrayList<>();
        List<MigrationOperation> dropColumns = new ArrayList<>();
        List<DropTable> dropTables = new ArrayList<>();
        List<CreateTable> createTables = new ArrayList<>();
        List<MigrationOperation> columns = new ArrayList<>();
        List<MigrationOperation> addOthers = new ArrayList<>();
        List<MigrationOperation> addFks = new ArrayList<>();
        List<MigrationOperation> rest = new ArrayList<>();
        for (MigrationOperation op : ops) {
            if (op instanceof DropForeignKey) {
                dropFks.add(op);
            } else if (op instanceof DropCheck || op instanceof DropUnique || op instanceof DropIndex) {
                dropOthers.add(op);
            } else if (op instanceof RenameTable || op instanceof RenameColumn) {
                renames.add(op);
            } else if (op instanceof DropColumn) {
                dropColumns.add(op);
            } else if (op instanceof DropTable drop) {
                dropTables.add(drop);
            } else if (op instanceof CreateTable create) {
                createTables.add(create);
            } else if (op instanceof AddColumn || op instanceof AlterColumn
                    || op instanceof MigrationOperation.AlterTableComment) {
                columns.add(op);
            } else if (op instanceof AddUnique || op instanceof CreateIndex || op instanceof AddCheck) {
                addOthers.add(op);
            } else if (op instanceof AddForeignKey) {
                addFks.add(op);
            } else {
                rest.add(op);
            }
        }
        List<MigrationOperation> orderedDrops = orderDrops(dropTables, dropFks);
        List<MigrationOperation> orderedCreates = orderCreates(createTables, addFks);
        List<MigrationOperation> out = new ArrayList<>();
        out.addAll(dropFks);
        out.addAll(dropOthers);
        out.addAll(renames);
        out.addAll(dropColumns);
        out.addAll(orderedDrops);
        out.addAll(orderedCreates);
        out.addAll(columns);
        out.addAll(addOthers);
        out.addAll(addFks);
        out.addAll(rest);
        return out;
    }

    /** Created tables after the tables they reference; cycle foreign keys moved to {@code addFks}. */
    private static List<MigrationOperation> orderCreates(List<CreateTable> creates, List<MigrationOperation> addFks) {
        Map<String, TableDefinition> pending = new LinkedHashMap<>();
        creates.forEach(c -> pending.put(c.table().name(), c.table()));
        List<MigrationOperation> out = new ArrayList<>();
        List<MigrationOperation> deferred = new ArrayList<>();
        while (!pending.isEmpty()) {
            TableDefinition ready = pending.values().stream()
                    .filter(t -> t.foreignKeys().stream().noneMatch(fk -> refersToOtherPending(fk, t, pending)))
                    .findFirst().orElse(null);
            if (ready == null) {
                // a cycle: create the first pending table without the foreign keys into the cycle
                TableDefinition t = pending.values().iterator().next();
                List<ForeignKeyDefinition> keep = new ArrayList<>();
                for (ForeignKeyDefinition fk : t.foreignKeys()) {
                    if (refersToOtherPending(fk, t, pending)) {
                        deferred.add(new AddForeignKey(t.name(), fk));
                    } else {
                        keep.add(fk);
                    }
                }
                ready = t.withForeignKeys(keep);
            }
            out.add(new CreateTable(ready));
            pending.remove(ready.name());
        }
        addFks.addAll(0, deferred);
        return out;
    }

    /** Dropped tables before the tables they reference; foreign keys of a cycle dropped first. */
    private static List<MigrationOperation> orderDrops(List<DropTable> drops, List<MigrationOperation> dropFks) {
        Map<String, TableDefinition> pending = new LinkedHashMap<>();
        drops.forEach(d -> pending.put(d.table().name(), d.table()));
        List<MigrationOperation> out = new ArrayList<>();
        while (!pending.isEmpty()) {
            // a table can go when no other pending table references it
            TableDefinition ready = pending.values().stream()
                    .filter(t -> pending.values().stream().noneMatch(o -> o != t && o.foreignKeys().stream()
                            .anyMatch(fk -> fk.targetTable().equals(t.name()))))
                    .findFirst().orElse(null);
            if (ready == null) {
                TableDefinition t = pending.values().iterator().next();
                List<ForeignKeyDefinition> keep = new ArrayList<>();
                for (ForeignKeyDefinition fk : t.foreignKeys()) {
                    if (refersToOtherPending(fk, t, pending)) {
                        dropFks.add(new DropForeignKey(t.name(), fk));
                    } else {
                        keep.add(fk);
                    }
                }
                pending.put(t.name(), t.withForeignKeys(keep));
                continue;
            }
            out.add(new DropTable(ready));
            pending.remove(ready.name());
        }
        return out;
    }

    private static boolean refersToOtherPending(ForeignKeyDefinition fk, TableDefinition owner, Map<String, TableDefinition> pending) {
        return !fk.targetTable().equals(owner.name()) && pending.containsKey(fk.targetTable());
    }
}
