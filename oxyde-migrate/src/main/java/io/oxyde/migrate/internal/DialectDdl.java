package io.oxyde.migrate.internal;

import io.oxyde.migrate.CheckDefinition;
import io.oxyde.migrate.ColumnDefinition;
import io.oxyde.migrate.ColumnType;
import io.oxyde.migrate.ForeignKeyDefinition;
import io.oxyde.migrate.IndexDefinition;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.MigrationException;
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
import io.oxyde.migrate.MigrationOperation.ManualStep;
import io.oxyde.migrate.MigrationOperation.RawSql;
import io.oxyde.migrate.MigrationOperation.RenameColumn;
import io.oxyde.migrate.MigrationOperation.RenameTable;
import io.oxyde.migrate.Schema;
import io.oxyde.migrate.TableDefinition;
import io.oxyde.migrate.UniqueDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Hand-written DDL for one dialect: dispatches each operation to a method, with the parts every
 * dialect shares (CREATE TABLE layout, constraint clauses, literal and identifier quoting).
 */
public abstract class DialectDdl {

    private static final Pattern SIMPLE_DEFAULT = Pattern.compile(
            "(?i)-?\\d+(\\.\\d+)?|'([^']|'')*'|NULL|TRUE|FALSE|CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME");

    /** Renders {@code op} given the schema just before it. */
    public final List<String> render(MigrationOperation op, Schema before) {
        if (op instanceof CreateTable create) {
            return createTable(create.table(), before);
        } else if (op instanceof DropTable drop) {
            return dropTable(drop.table(), before);
        } else if (op instanceof RenameTable r) {
            return renameTable(before.requireTable(r.from()), r.to(), before);
        } else if (op instanceof AddColumn a) {
            return addColumn(before.requireTable(a.table()), a.column(), before, op);
        } else if (op instanceof DropColumn d) {
            return dropColumn(before.requireTable(d.table()), d.column(), before, op);
        } else if (op instanceof RenameColumn r) {
            return List.of("ALTER TABLE " + table(before.requireTable(r.table())) + " RENAME COLUMN "
                    + quote(r.from()) + " TO " + quote(r.to()));
        } else if (op instanceof AlterColumn a) {
            return alterColumn(before.requireTable(a.table()), a.from(), a.to(), before, op);
        } else if (op instanceof CreateIndex c) {
            return createIndexStatements(before.requireTable(c.table()), c.index());
        } else if (op instanceof DropIndex d) {
            return dropIndexStatements(before.requireTable(d.table()), d.index());
        } else if (op instanceof AddUnique a) {
            return addConstraint(before.requireTable(a.table()), uniqueClause(a.unique()), before, op);
        } else if (op instanceof DropUnique d) {
            return dropUnique(before.requireTable(d.table()), d.unique(), before, op);
        } else if (op instanceof AddForeignKey a) {
            return addForeignKey(before.requireTable(a.table()), a.foreignKey(), before, op);
        } else if (op instanceof DropForeignKey d) {
            return dropForeignKey(before.requireTable(d.table()), d.foreignKey(), before, op);
        } else if (op instanceof AddCheck a) {
            return addConstraint(before.requireTable(a.table()), checkClause(a.check()), before, op);
        } else if (op instanceof DropCheck d) {
            return dropCheck(before.requireTable(d.table()), d.check(), before, op);
        } else if (op instanceof MigrationOperation.AlterTableComment a) {
            return alterTableComment(before.requireTable(a.table()), a.to());
        } else if (op instanceof RawSql raw) {
            return raw.runsOn(dialect()) ? raw.forward() : List.of();
        } else if (op instanceof MigrationOperation.RunJava java) {
            return List.of(JavaSteps.line(java.className(), java.backwards() != null));
        } else if (op instanceof ManualStep manual) {
            return List.of("-- MANUAL STEP: " + manual.description().replace("\n", " "));
        }
        throw new MigrationException("no DDL for operation " + op);
    }

    /** Renders {@code ops} applied in order from {@code before}; a dialect may merge statements across operations. */
    public List<String> renderAll(List<MigrationOperation> ops, Schema before) {
        List<String> out = new ArrayList<>();
        Schema schema = before;
        for (MigrationOperation op : ops) {
            out.addAll(render(op, schema));
            schema = op.applyTo(schema);
        }
        return out;
    }

    // ---- per dialect ----------------------------------------------------------------------

    /** Quotes an identifier. */
    public abstract String quote(String identifier);

    /** The dialect this renders for. */
    protected abstract Dialect dialect();

    /** The column type in this dialect. */
    protected abstract String type(ColumnType type, String table, String column);

    /** A full column definition as used in CREATE TABLE / ADD COLUMN. */
    protected abstract String columnDefinition(TableDefinition table, ColumnDefinition column);

    protected abstract List<String> addColumn(TableDefinition table, ColumnDefinition column, Schema before, MigrationOperation op);

    protected abstract List<String> dropColumn(TableDefinition table, ColumnDefinition column, Schema before, MigrationOperation op);

    protected abstract List<String> alterColumn(TableDefinition table, ColumnDefinition from, ColumnDefinition to, Schema before, MigrationOperation op);

    protected abstract List<String> addConstraint(TableDefinition table, String clause, Schema before, MigrationOperation op);

    protected List<String> addForeignKey(TableDefinition table, ForeignKeyDefinition fk, Schema before, MigrationOperation op) {
        return addConstraint(table, foreignKeyClause(fk, table.schema()), before, op);
    }

    protected abstract List<String> dropUnique(TableDefinition table, UniqueDefinition unique, Schema before, MigrationOperation op);

    protected abstract List<String> dropForeignKey(TableDefinition table, ForeignKeyDefinition fk, Schema before, MigrationOperation op);

    protected abstract List<String> dropCheck(TableDefinition table, CheckDefinition check, Schema before, MigrationOperation op);

    protected abstract String createIndex(TableDefinition table, IndexDefinition index);

    /** Sets or (with null) removes a table comment. */
    protected abstract List<String> alterTableComment(TableDefinition table, String comment);

    protected abstract String dropIndex(TableDefinition table, IndexDefinition index);

    /** The statements of a CreateIndex operation (MySQL also drops foreign-key indexes it makes redundant). */
    protected List<String> createIndexStatements(TableDefinition table, IndexDefinition index) {
        return List.of(createIndex(table, index));
    }

    /** The statements of a DropIndex operation (MySQL first gives foreign keys it covered their own index). */
    protected List<String> dropIndexStatements(TableDefinition table, IndexDefinition index) {
        return List.of(dropIndex(table, index));
    }

    /** A foreign key inside CREATE TABLE (MySQL adds its index where no other index covers it). */
    protected String foreignKeyDefinition(TableDefinition table, ForeignKeyDefinition fk) {
        return foreignKeyClause(fk, table.schema());
    }

    // ---- shared ---------------------------------------------------------------------------

    protected List<String> createTable(TableDefinition t, Schema before) {
        List<String> out = new ArrayList<>();
        out.add(createTableStatement(t, table(t)));
        for (IndexDefinition i : t.indexes()) {
            out.add(createIndex(t, i));
        }
        return out;
    }

    /** {@code CREATE TABLE name (columns, constraints)}. */
    protected String createTableStatement(TableDefinition t, String qualifiedName) {
        List<String> parts = new ArrayList<>();
        for (ColumnDefinition c : t.columns()) {
            parts.add(columnDefinition(t, c));
        }
        if (!t.primaryKey().isEmpty() && !inlinePrimaryKey(t)) {
            parts.add("PRIMARY KEY (" + columns(t.primaryKey()) + ")");
        }
        t.uniques().forEach(u -> parts.add(uniqueClause(u)));
        t.checks().forEach(c -> parts.add(checkClause(c)));
        t.foreignKeys().forEach(f -> parts.add(foreignKeyDefinition(t, f)));
        return "CREATE TABLE " + qualifiedName + " (" + String.join(", ", parts) + ")" + tableOptions(t);
    }

    /** Whether the primary key is declared on its column (SQLite AUTOINCREMENT). */
    protected boolean inlinePrimaryKey(TableDefinition t) {
        return false;
    }

    /** Text after the closing parenthesis of CREATE TABLE (MySQL COMMENT). */
    protected String tableOptions(TableDefinition t) {
        return "";
    }

    protected List<String> dropTable(TableDefinition t, Schema before) {
        return List.of("DROP TABLE " + table(t));
    }

    protected List<String> renameTable(TableDefinition t, String to, Schema before) {
        return List.of("ALTER TABLE " + table(t) + " RENAME TO " + quote(to));
    }

    /** The table's name, schema-qualified where the table has a schema. */
    protected String table(TableDefinition t) {
        return t.schema() == null ? quote(t.name()) : quote(t.schema()) + "." + quote(t.name());
    }

    protected String columns(List<String> names) {
        return names.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    protected String uniqueClause(UniqueDefinition u) {
        return "CONSTRAINT " + quote(u.name()) + " UNIQUE (" + columns(u.columns()) + ")";
    }

    protected String checkClause(CheckDefinition c) {
        return "CONSTRAINT " + quote(c.name()) + " CHECK (" + c.expression() + ")";
    }

    /**
     * {@code CONSTRAINT … FOREIGN KEY … REFERENCES …}; the target is qualified with {@code schema}
     * (the owning table's database schema; all tables of one Oxyde schema share it) when set.
     */
    protected String foreignKeyClause(ForeignKeyDefinition f, String schema) {
        return "CONSTRAINT " + quote(f.name()) + " FOREIGN KEY (" + columns(f.columns()) + ") REFERENCES "
                + (schema == null ? "" : quote(schema) + ".") + quote(f.targetTable()) + " ("
                + columns(f.targetColumns()) + ") ON DELETE " + f.onDelete().sql()
                + " ON UPDATE " + f.onUpdate().sql();
    }

    /** A SQL string literal. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Whether a default needs no parentheses (a literal or a CURRENT_* keyword). */
    protected static boolean simpleDefault(String expression) {
        return SIMPLE_DEFAULT.matcher(expression.trim()).matches();
    }

    /** The PostgreSQL enum type name of a column. */
    public static String enumName(ColumnType type, String table, String column) {
        return type.enumName() != null ? type.enumName() : table + "_" + column;
    }

    protected static String enumValues(ColumnType type) {
        return type.values().stream().map(DialectDdl::literal).collect(Collectors.joining(", "));
    }
}
