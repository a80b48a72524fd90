package io.oxyde.migrate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.oxyde.migrate.internal.SchemaEditor;
import java.util.List;
import java.util.Objects;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.MigrationException;

/**
 * One schema change. Operations are self-contained records (a drop carries what it drops, an alter
 * carries the column before and after), serialised to JSON with an {@code "op"} discriminator, so a
 * migration file can be rendered and reversed without any other file. {@link #applyTo} evolves a
 * schema snapshot; {@link #reverse} gives the operations that undo this one.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "op")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MigrationOperation.CreateTable.class, name = "CreateTable"),
        @JsonSubTypes.Type(value = MigrationOperation.DropTable.class, name = "DropTable"),
        @JsonSubTypes.Type(value = MigrationOperation.RenameTable.class, name = "RenameTable"),
        @JsonSubTypes.Type(value = MigrationOperation.AddColumn.class, name = "AddColumn"),
        @JsonSubTypes.Type(value = MigrationOperation.DropColumn.class, name = "DropColumn"),
        @JsonSubTypes.Type(value = MigrationOperation.RenameColumn.class, name = "RenameColumn"),
        @JsonSubTypes.Type(value = MigrationOperation.AlterColumn.class, name = "AlterColumn"),
        @JsonSubTypes.Type(value = MigrationOperation.CreateIndex.class, name = "CreateIndex"),
        @JsonSubTypes.Type(value = MigrationOperation.DropIndex.class, name = "DropIndex"),
        @JsonSubTypes.Type(value = MigrationOperation.AddUnique.class, name = "AddUnique"),
        @JsonSubTypes.Type(value = MigrationOperation.DropUnique.class, name = "DropUnique"),
        @JsonSubTypes.Type(value = MigrationOperation.AddForeignKey.class, name = "AddForeignKey"),
        @JsonSubTypes.Type(value = MigrationOperation.DropForeignKey.class, name = "DropForeignKey"),
        @JsonSubTypes.Type(value = MigrationOperation.AddCheck.class, name = "AddCheck"),
        @JsonSubTypes.Type(value = MigrationOperation.DropCheck.class, name = "DropCheck"),
        @JsonSubTypes.Type(value = MigrationOperation.AlterTableComment.class, name = "AlterTableComment"),
        @JsonSubTypes.Type(value = MigrationOperation.RawSql.class, name = "RawSql"),
        @JsonSubTypes.Type(value = MigrationOperation.ManualStep.class, name = "ManualStep"),
        @JsonSubTypes.Type(value = MigrationOperation.RunJava.class, name = "RunJava")
})
public sealed interface MigrationOperation {

    /** The schema after this operation, given the schema before it. */
    Schema applyTo(Schema before);

    /** Operations that undo this one, given the schema before this operation ran. */
    List<MigrationOperation> reverse(Schema before);

    /** The table this operation changes, or null (raw SQL, manual steps). */
    String tableName();

    /** Creates a table with its columns, primary key, uniques, checks, foreign keys and indexes. */
    record CreateTable(TableDefinition table) implements MigrationOperation {
        public CreateTable { Objects.requireNonNull(table, "table"); }
        public Schema applyTo(Schema before) {
            if (before.table(table.name()).isPresent()) {
                throw new MigrationException("cannot create table " + table.name() + ": it already exists");
            }
            return before.withTable(table);
        }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new DropTable(table)); }
        public String tableName() { return table.name(); }
    }

    /** Drops a table; carries the table as it was so it can be recreated on rollback (without its rows). */
    record DropTable(TableDefinition table) implements MigrationOperation {
        public DropTable { Objects.requireNonNull(table, "table"); }
        public Schema applyTo(Schema before) {
            before.requireTable(table.name());
            return before.withoutTable(table.name());
        }
        public List<MigrationOperation> reverse(Schema before) {
            return List.of(new CreateTable(before.table(table.name()).orElse(table)));
        }
        public String tableName() { return table.name(); }
    }

    /** Renames a table (foreign keys pointing at it follow). */
    record RenameTable(String from, String to) implements MigrationOperation {
        public Schema applyTo(Schema before) { return SchemaEditor.renameTable(before, from, to); }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new RenameTable(to, from)); }
        public String tableName() { return from; }
    }

    /** Adds a column. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AddColumn(String table, ColumnDefinition column) implements MigrationOperation {
        public Schema applyTo(Schema before) {
            TableDefinition t = before.requireTable(table);
            if (t.column(column.name()).isPresent()) {
                throw new MigrationException("cannot add column " + table + "." + column.name() + ": it already exists");
            }
            return before.withTable(t.withColumn(column.withoutHint()));
        }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new DropColumn(table, column)); }
        public String tableName() { return table; }
    }

    /** Drops a column; carries its definition for rollback (the values are lost). */
    record DropColumn(String table, ColumnDefinition column) implements MigrationOperation {
        public Schema applyTo(Schema before) { return SchemaEditor.dropColumn(before, table, column.name()); }
        public List<MigrationOperation> reverse(Schema before) {
            ColumnDefinition old = before.requireTable(table).column(column.name()).orElse(column);
            return List.of(new AddColumn(table, old));
        }
        public String tableName() { return table; }
    }

    /** Renames a column in place, keeping its data, indexes and constraints. */
    record RenameColumn(String table, String from, String to) implements MigrationOperation {
        public Schema applyTo(Schema before) { return SchemaEditor.renameColumn(before, table, from, to); }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new RenameColumn(table, to, from)); }
        public String tableName() { return table; }
    }

    /** Changes a column's type, nullability, default, identity or comment ({@code from} and {@code to} share the name). */
    record AlterColumn(String table, ColumnDefinition from, ColumnDefinition to) implements MigrationOperation {
        public AlterColumn {
            if (!from.name().equals(to.name())) {
                throw new MigrationException("AlterColumn on " + table + " cannot rename " + from.name() + " to "
                        + to.name() + "; use RenameColumn");
            }
        }
        public Schema applyTo(Schema before) {
            TableDefinition t = before.requireTable(table);
            t.column(from.name()).orElseThrow(() -> new MigrationException("cannot alter column " + table + "."
                    + from.name() + ": it does not exist"));
            return before.withTable(t.mapColumn(from.name(), c -> to.withoutHint()));
        }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new AlterColumn(table, to, from)); }
        public String tableName() { return table; }
    }

    /** Creates an index (unique, partial, method). */
    record CreateIndex(String table, IndexDefinition index) implements MigrationOperation {
        public Schema applyTo(Schema before) {
            TableDefinition t = before.requireTable(table);
            return before.withTable(t.withIndex(index));
        }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new DropIndex(table, index)); }
        public String tableName() { return table; }
    }

    /** Drops an index. */
    record DropIndex(String table, IndexDefinition index) implements MigrationOperation {
        public Schema applyTo(Schema before) {
            TableDefinition t = before.requireTable(table);
            return before.withTable(t.withIndexes(t.indexes().stream().filter(i -> !i.name().equals(index.name())).toList()));
        }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new CreateIndex(table, index)); }
        public String tableName() { return table; }
    }

    /** Adds a unique-together constraint. */
    record AddUnique(String table, UniqueDefinition unique) implements MigrationOperation {
        public Schema applyTo(Schema before) {
            TableDefinition t = before.requireTable(table);
            return before.withTable(t.withUnique(unique));
        }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new DropUnique(table, unique)); }
        public String tableName() { return table; }
    }

    /** Drops a unique-together constraint. */
    record DropUnique(String table, UniqueDefinition unique) implements MigrationOperation {
        public Schema applyTo(Schema before) {
            TableDefinition t = before.requireTable(table);
            return before.withTable(t.withUniques(t.uniques().stream().filter(u -> !u.name().equals(unique.name())).toList()));
        }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new AddUnique(table, unique)); }
        public String tableName() { return table; }
    }

    /** Adds a foreign key. */
    record AddForeignKey(String table, ForeignKeyDefinition foreignKey) implements MigrationOperation {
        public Schema applyTo(Schema before) {
            TableDefinition t = before.requireTable(table);
            return before.withTable(t.withForeignKey(foreignKey));
        }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new DropForeignKey(table, foreignKey)); }
        public String tableName() { return table; }
    }

    /** Drops a foreign key. */
    record DropForeignKey(String table, ForeignKeyDefinition foreignKey) implements MigrationOperation {
        public Schema applyTo(Schema before) {
            TableDefinition t = before.requireTable(table);
            return before.withTable(t.withForeignKeys(
                    t.foreignKeys().stream().filter(f -> !f.name().equals(foreignKey.name())).toList()));
        }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new AddForeignKey(table, foreignKey)); }
        public String tableName() { return table; }
    }

    /** Adds a check constraint. */
    record AddCheck(String table, CheckDefinition check) implements MigrationOperation {
        public Schema applyTo(Schema before) {
            TableDefinition t = before.requireTable(table);
            return before.withTable(t.withCheck(check));
        }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new DropCheck(table, check)); }
        public String tableName() { return table; }
    }

    /** Drops a check constraint. */
    record DropCheck(String table, CheckDefinition check) implements MigrationOperation {
        public Schema applyTo(Schema before) {
            TableDefinition t = before.requireTable(table);
            return before.withTable(t.withChecks(t.checks().stream().filter(c -> !c.name().equals(check.name())).toList()));
        }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new AddCheck(table, check)); }
        public String tableName() { return table; }
    }

    /** Changes a table's comment ({@code null}: none); SQLite keeps comments only in the snapshot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AlterTableComment(String table, String from, String to) implements MigrationOperation {
        public Schema applyTo(Schema before) {
            return before.withTable(before.requireTable(table).withComment(to));
        }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new AlterTableComment(table, to, from)); }
        public String tableName() { return table; }
    }

    /**
     * Hand-written SQL, one statement per list element, run as-is. With {@code dialects} it runs only on
     * those databases (empty: on every one), so one migration can carry a statement per dialect. It
     * does not change the tracked schema; {@code backward} may be empty, which makes the migration
     * irreversible.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record RawSql(List<String> forward, List<String> backward, List<Dialect> dialects) implements MigrationOperation {
        public RawSql {
            forward = forward == null ? List.of() : List.copyOf(forward);
            backward = backward == null ? List.of() : List.copyOf(backward);
            dialects = dialects == null ? List.of() : List.copyOf(dialects);
        }
        /** Raw SQL for every dialect. */
        public RawSql(List<String> forward, List<String> backward) {
            this(forward, backward, List.of());
        }
        public static RawSql of(String forward, String backward) {
            return new RawSql(List.of(forward), backward == null ? List.of() : List.of(backward));
        }
        /** This SQL, run only on {@code only}. */
        public RawSql on(Dialect... only) {
            return new RawSql(forward, backward, List.of(only));
        }
        /** Whether the statements run on {@code dialect}. */
        public boolean runsOn(Dialect dialect) {
            return dialects.isEmpty() || dialects.contains(dialect);
        }
        public Schema applyTo(Schema before) { return before; }
        public List<MigrationOperation> reverse(Schema before) {
            if (backward.isEmpty() && !forward.isEmpty()) {
                throw new MigrationException("raw SQL " + forward + " has no backward SQL, so it cannot be rolled back");
            }
            return List.of(new RawSql(backward, forward, dialects));
        }
        public String tableName() { return null; }
    }

    /**
     * Runs a {@link JavaMigration} class: {@code forward} when applied, {@code backward} when rolled back
     * ({@code backwards} is set on the reverse operation only). It does not change the tracked schema.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RunJava(String className, Boolean backwards) implements MigrationOperation {
        public RunJava {
            if (className == null || className.isBlank()) {
                throw new MigrationException("RunJava needs a className");
            }
            backwards = Boolean.TRUE.equals(backwards) ? Boolean.TRUE : null;
        }
        /** Runs {@code type} forwards. */
        public static RunJava of(Class<? extends JavaMigration> type) {
            return new RunJava(type.getName(), null);
        }
        public Schema applyTo(Schema before) { return before; }
        public List<MigrationOperation> reverse(Schema before) {
            return List.of(new RunJava(className, backwards == null ? Boolean.TRUE : null));
        }
        public String tableName() { return null; }
    }

    /** A step a person must do (e.g. a data fix); rendered as a SQL comment and logged, never executed. */
    record ManualStep(String description) implements MigrationOperation {
        public Schema applyTo(Schema before) { return before; }
        public List<MigrationOperation> reverse(Schema before) { return List.of(new ManualStep("undo: " + description)); }
        public String tableName() { return null; }
    }
}
