package io.oxyde.migrate;

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
import io.oxyde.migrate.MigrationOperation.ManualStep;
import io.oxyde.migrate.MigrationOperation.RenameColumn;
import io.oxyde.migrate.MigrationOperation.RenameTable;
import io.oxyde.migrate.internal.EnumNames;
import io.oxyde.migrate.internal.OperationOrder;
import io.oxyde.migrate.internal.SchemaEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two schemas and returns the operations, in a safe order, that turn the old one into the
 * new one. Renames are only emitted from explicit hints ({@link TableDefinition#renamedFrom()},
 * {@link ColumnDefinition#renamedFrom()}), never guessed; {@link RenameSuggestions} lists likely renames for a
 * person to confirm.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    /** The ordered operations that migrate {@code oldSchema} to {@code newSchema} (validated first). */
    public static List<MigrationOperation> compute(Schema oldSchema, Schema newSchema) {
        newSchema.validate();
        newSchema = EnumNames.resolve(newSchema);
        oldSchema = EnumNames.resolve(oldSchema);
        List<MigrationOperation> ops = new ArrayList<>();
        Schema old = oldSchema;
        Map<String, String> originalNames = new java.util.HashMap<>();
        // 1. renames from hints, applied to the old schema so everything after compares like with like
        for (TableDefinition t : newSchema.tables()) {
            String from = t.renamedFrom();
            if (from != null && !from.equals(t.name()) && old.table(from).isPresent() && old.table(t.name()).isEmpty()) {
                ops.add(new RenameTable(from, t.name()));
                old = SchemaEditor.renameTable(old, from, t.name());
                originalNames.put(t.name(), from);
            }
        }
        for (TableDefinition t : newSchema.tables()) {
            Optional<TableDefinition> ot = old.table(t.name());
            if (ot.isEmpty()) {
                continue;
            }
            for (ColumnDefinition c : t.columns()) {
                String from = c.renamedFrom();
                if (from != null && !from.equals(c.name()) && ot.get().column(from).isPresent()
                        && ot.get().column(c.name()).isEmpty()) {
                    ops.add(new RenameColumn(t.name(), from, c.name()));
                    old = SchemaEditor.renameColumn(old, t.name(), from, c.name());
                    ot = old.table(t.name());
                }
            }
        }
        // 2. created, dropped and changed tables
        for (TableDefinition t : newSchema.tables()) {
            Optional<TableDefinition> ot = old.table(t.name());
            if (ot.isEmpty()) {
                ops.add(new CreateTable(t.withoutHints()));
            } else {
                TableDefinition original = oldSchema.requireTable(originalNames.getOrDefault(t.name(), t.name()));
                diffTable(ot.get(), t.withoutHints(), original, ops);
            }
        }
        for (TableDefinition t : old.tables()) {
            if (newSchema.table(t.name()).isEmpty()) {
                ops.add(new DropTable(t));
            }
        }
        return OperationOrder.order(ops, old);
    }

    /**
     * Compares one table. {@code o} is the old table after the renames, {@code original} the same table
     * before them: constraint drops run before the renames, so they carry the original table name and
     * the original definitions (columns, targets); their reverse then restores exactly what was there.
     */
    private static void diffTable(TableDefinition o, TableDefinition n, TableDefinition original, List<MigrationOperation> ops) {
        String table = n.name();
        String was = original.name();
        for (ColumnDefinition c : n.columns()) {
            Optional<ColumnDefinition> oc = o.column(c.name());
            if (oc.isEmpty()) {
                ops.add(new AddColumn(table, c));
            } else if (!oc.get().sameDefinition(c)) {
                ops.add(new AlterColumn(table, oc.get(), c));
            }
        }
        for (ColumnDefinition c : o.columns()) {
            if (n.column(c.name()).isEmpty()) {
                ops.add(new DropColumn(table, c));
            }
        }
        if (!o.primaryKey().equals(n.primaryKey())) {
            ops.add(new ManualStep("primary key of " + table + " changed from " + o.primaryKey() + " to "
                    + n.primaryKey() + "; Oxyde does not migrate primary keys, add a RawSql operation"));
        }
        diffNamed(o.uniques(), n.uniques(), UniqueDefinition::name,
                u -> ops.add(new DropUnique(was, named(original.uniques(), UniqueDefinition::name, u))),
                u -> ops.add(new AddUnique(table, u)));
        diffNamed(o.indexes(), n.indexes(), IndexDefinition::name,
                i -> ops.add(new DropIndex(was, named(original.indexes(), IndexDefinition::name, i))),
                i -> ops.add(new CreateIndex(table, i)));
        diffNamed(o.foreignKeys(), n.foreignKeys(), ForeignKeyDefinition::name,
                f -> ops.add(new DropForeignKey(was, named(original.foreignKeys(), ForeignKeyDefinition::name, f))),
                f -> ops.add(new AddForeignKey(table, f)));
        diffNamed(o.checks(), n.checks(), CheckDefinition::name,
                c -> ops.add(new DropCheck(was, named(original.checks(), CheckDefinition::name, c))),
                c -> ops.add(new AddCheck(table, c)));
        if (!java.util.Objects.equals(o.comment(), n.comment())) {
            ops.add(new MigrationOperation.AlterTableComment(table, o.comment(), n.comment()));
        }
    }

    /** The item of {@code originals} with the name of {@code renamed} (its definition before the renames). */
    private static <T> T named(List<T> originals, Function<T, String> name, T renamed) {
        String wanted = name.apply(renamed);
        return originals.stream().filter(x -> name.apply(x).equals(wanted)).findFirst().orElse(renamed);
    }

    /** Items matched by name: a changed item (any field) is dropped and re-added. */
    private static <T> void diffNamed(List<T> olds, List<T> news, Function<T, String> name,
                                      java.util.function.Consumer<T> drop, java.util.function.Consumer<T> add) {
        Map<String, T> oldByName = olds.stream().collect(Collectors.toMap(name, x -> x, (a, b) -> a));
        Map<String, T> newByName = news.stream().collect(Collectors.toMap(name, x -> x, (a, b) -> a));
        for (T o : olds) {
            T n = newByName.get(name.apply(o));
            if (n == null || !n.equals(o)) {
                drop.accept(o);
            }
        }
        for (T n : news) {
            T o = oldByName.get(name.apply(n));
            if (o == null || !o.equals(n)) {
                add.accept(n);
            }
        }
    }
}
