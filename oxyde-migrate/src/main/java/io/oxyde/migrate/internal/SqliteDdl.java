package io.oxyde.migrate.internal;

import io.oxyde.migrate.CheckDefinition;
import io.oxyde.migrate.ColumnDefinition;
import io.oxyde.migrate.ColumnType;
import io.oxyde.migrate.ForeignKeyDefinition;
import io.oxyde.migrate.IndexDefinition;
import io.oxyde.migrate.IndexMethod;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.MigrationException;
import io.oxyde.migrate.MigrationOperation;
import io.oxyde.migrate.Schema;
import io.oxyde.migrate.TableDefinition;
import io.oxyde.migrate.TypeKind;
import io.oxyde.migrate.UniqueDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite DDL. ALTER TABLE here can only rename tables and columns, add simple columns and drop
 * unconstrained ones, so every other change rebuilds the table ({@link #rebuild}): create the new
 * shape under a temporary name, copy the rows, drop the old table, rename, recreate the indexes.
 * The {@code Migrator} turns foreign keys off around the migration's transaction and runs
 * {@code PRAGMA foreign_key_check} before committing. Dates, UUIDs, decimals and JSON are TEXT,
 * enums are TEXT with a CHECK; comments are kept only in the snapshot.
 */
public final class SqliteDdl extends DialectDdl {
    /** Prefix of the temporary table a rebuild creates. */
    public static final String REBUILD_PREFIX = "_oxyde_new_";

    @Override
    protected Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    protected String type(ColumnType t, String table, String column) {
        return switch (t.kind()) {
            case BIGINT, INTEGER, SMALLINT, BOOLEAN -> "INTEGER";
            case DOUBLE -> "REAL";
            case VARCHAR -> "VARCHAR(" + t.length() + ")";
            case BYTES -> "BLOB";
            case VERBATIM -> t.sql();
            default -> "TEXT";
        };
    }

    @Override
    protected boolean inlinePrimaryKey(TableDefinition t) {
        return t.columns().stream().anyMatch(ColumnDefinition::autoIncrement);
    }

    @Override
    protected String columnDefinition(TableDefinition table, ColumnDefinition c) {
        StringBuilder sb = new StringBuilder(quote(c.name())).append(' ').append(type(c.type(), table.name(), c.name()));
        if (c.autoIncrement()) {
            sb.append(" PRIMARY KEY AUTOINCREMENT");
        }
        if (!c.nullable()) {
            sb.append(" NOT NULL");
        }
        if (c.defaultValue() != null) {
            sb.append(" DEFAULT ").append(simpleDefault(c.defaultValue()) ? c.defaultValue() : "(" + c.defaultValue() + ")");
        }
        if (c.type().kind() == TypeKind.ENUM) {
            sb.append(" CHECK (").append(quote(c.name())).append(" IN (").append(enumValues(c.type())).append("))");
        }
        return sb.toString();
    }

    /** Merges the rebuilds of one table within a migration into one (see {@link SqliteRebuilds}). */
    @Override
    public List<String> renderAll(List<MigrationOperation> ops, Schema before) {
        return new SqliteRebuilds(this).render(ops, before);
    }

    /** Whether {@code op} is done by rebuilding its table. */
    boolean rebuilds(MigrationOperation op) {
        if (op instanceof MigrationOperation.AddColumn add) {
            return !nativeAdd(add.column());
        }
        return op instanceof MigrationOperation.DropColumn || op instanceof MigrationOperation.AlterColumn
                || op instanceof MigrationOperation.AddUnique || op instanceof MigrationOperation.DropUnique
                || op instanceof MigrationOperation.AddForeignKey || op instanceof MigrationOperation.DropForeignKey
                || op instanceof MigrationOperation.AddCheck || op instanceof MigrationOperation.DropCheck;
    }

    /** ALTER TABLE ADD COLUMN works for a nullable or constant-default, non-identity column. */
    private static boolean nativeAdd(ColumnDefinition c) {
        boolean constantDefault = c.defaultValue() == null || simpleDefault(c.defaultValue())
                && !c.defaultValue().toUpperCase().startsWith("CURRENT_");
        return !c.autoIncrement() && constantDefault && (c.nullable() || c.defaultValue() != null);
    }

    @Override
    protected List<String> addColumn(TableDefinition t, ColumnDefinition c, Schema before, MigrationOperation op) {
        if (nativeAdd(c)) {
            return List.of("ALTER TABLE " + table(t) + " ADD COLUMN " + columnDefinition(t, c));
        }
        return rebuild(t, op.applyTo(before).requireTable(t.name()));
    }

    @Override
    protected List<String> dropColumn(TableDefinition t, ColumnDefinition c, Schema before, MigrationOperation op) {
        return rebuild(t, op.applyTo(before).requireTable(t.name()));
    }

    @Override
    protected List<String> alterColumn(TableDefinition t, ColumnDefinition from, ColumnDefinition to, Schema before, MigrationOperation op) {
        return rebuild(t, op.applyTo(before).requireTable(t.name()));
    }

    @Override
    protected List<String> addConstraint(TableDefinition t, String clause, Schema before, MigrationOperation op) {
        return rebuild(t, op.applyTo(before).requireTable(t.name()));
    }

    @Override
    protected List<String> dropUnique(TableDefinition t, UniqueDefinition u, Schema before, MigrationOperation op) {
        return rebuild(t, op.applyTo(before).requireTable(t.name()));
    }

    @Override
    protected List<String> dropForeignKey(TableDefinition t, ForeignKeyDefinition fk, Schema before, MigrationOperation op) {
        return rebuild(t, op.applyTo(before).requireTable(t.name()));
    }

    @Override
    protected List<String> dropCheck(TableDefinition t, CheckDefinition c, Schema before, MigrationOperation op) {
        return rebuild(t, op.applyTo(before).requireTable(t.name()));
    }

    /**
     * The table-rebuild procedure (https://sqlite.org/lang_altertable.html#otheralter), keeping rows:
     * columns present in both shapes are copied; a new NOT NULL column without default fails loudly.
     * An AUTOINCREMENT counter ({@code sqlite_sequence}) is carried over, so ids of deleted rows are
     * not handed out again.
     */
    List<String> rebuild(TableDefinition before, TableDefinition after) {
        String tempName = REBUILD_PREFIX + after.name();
        String temp = quote(tempName);
        List<String> out = new ArrayList<>();
        out.add(createTableStatement(after, temp));
        List<String> shared = after.columnNames().stream().filter(c -> before.column(c).isPresent()).toList();
        if (!shared.isEmpty()) {
            out.add("INSERT INTO " + temp + " (" + columns(shared) + ") SELECT " + columns(shared) + " FROM " + table(before));
        }
        if (inlinePrimaryKey(before) && inlinePrimaryKey(after)) {
            out.add("DELETE FROM sqlite_sequence WHERE name = " + literal(tempName));
            out.add("INSERT INTO sqlite_sequence (name, seq) SELECT " + literal(tempName) + ", seq FROM sqlite_sequence"
                    + " WHERE name = " + literal(before.name()));
        }
        out.add("DROP TABLE " + table(before));
        out.add("ALTER TABLE " + temp + " RENAME TO " + quote(after.name()));
        for (IndexDefinition i : after.indexes()) {
            out.add(createIndex(after, i));
        }
        return out;
    }

    @Override
    protected String createIndex(TableDefinition t, IndexDefinition i) {
        if (i.method() == IndexMethod.GIN || i.method() == IndexMethod.GIST) {
            throw new MigrationException("table " + t.name() + ": index " + i.name() + " uses " + i.method()
                    + ", which only PostgreSQL has");
        }
        return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + quote(i.name()) + " ON " + table(t)
                + " (" + columns(i.columns()) + ")" + (i.where() == null ? "" : " WHERE " + i.where());
    }

    /** SQLite has no comments: nothing to run, the snapshot keeps the comment. */
    @Override
    protected List<String> alterTableComment(TableDefinition t, String comment) {
        return List.of();
    }

    @Override
    protected String dropIndex(TableDefinition t, IndexDefinition i) {
        return "DROP INDEX " + quote(i.name());
    }
}
