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
import io.oxyde.migrate.UniqueDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL / MariaDB DDL: AUTO_INCREMENT, CHAR(36) UUIDs, JSON (on MariaDB an alias of LONGTEXT with a
 * JSON_VALID check), DATETIME(6), inline ENUM, column and table COMMENTs, MODIFY COLUMN for changes.
 * Partial indexes do not exist here: a non-unique one becomes a full index (same results, bigger
 * index), a unique one is refused because a full unique index would reject valid rows.
 */
public final class MySqlDdl extends DialectDdl {
    private final boolean mariaDb;

    public MySqlDdl(boolean mariaDb) {
        this.mariaDb = mariaDb;
    }

    @Override
    protected Dialect dialect() {
        return mariaDb ? Dialect.MARIADB : Dialect.MYSQL;
    }

    @Override
    public String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    protected String type(ColumnType t, String table, String column) {
        return switch (t.kind()) {
            case BIGINT -> "BIGINT";
            case INTEGER -> "INT";
            case SMALLINT -> "SMALLINT";
            case BOOLEAN -> "BOOLEAN";
            case DOUBLE -> "DOUBLE";
            case DECIMAL -> "DECIMAL(" + t.precision() + ", " + t.scale() + ")";
            case VARCHAR -> "VARCHAR(" + t.length() + ")";
            case TEXT -> "LONGTEXT";
            case BYTES -> "LONGBLOB";
            case DATE -> "DATE";
            case TIME -> "TIME(6)";
            case TIMESTAMP, TIMESTAMPTZ -> "DATETIME(6)";
            case UUID -> "CHAR(36)";
            case JSON, ARRAY -> "JSON";
            case ENUM -> "ENUM(" + enumValues(t) + ")";
            default -> t.sql();
        };
    }

    @Override
    protected String columnDefinition(TableDefinition table, ColumnDefinition c) {
        StringBuilder sb = new StringBuilder(quote(c.name())).append(' ').append(type(c.type(), table.name(), c.name()));
        sb.append(c.nullable() ? " NULL" : " NOT NULL");
        if (c.defaultValue() != null) {
            sb.append(" DEFAULT ").append(simpleDefault(c.defaultValue()) ? c.defaultValue() : "(" + c.defaultValue() + ")");
        }
        if (c.autoIncrement()) {
            sb.append(" AUTO_INCREMENT");
        }
        if (c.comment() != null) {
            sb.append(" COMMENT ").append(literal(c.comment()));
        }
        return sb.toString();
    }

    @Override
    protected String tableOptions(TableDefinition t) {
        return t.comment() == null ? "" : " COMMENT=" + literal(t.comment());
    }

    @Override
    protected List<String> renameTable(TableDefinition t, String to, Schema before) {
        return List.of("RENAME TABLE " + table(t) + " TO " + quote(to));
    }

    @Override
    protected List<String> addColumn(TableDefinition t, ColumnDefinition c, Schema before, MigrationOperation op) {
        return List.of("ALTER TABLE " + table(t) + " ADD COLUMN " + columnDefinition(t, c));
    }

    @Override
    protected List<String> dropColumn(TableDefinition t, ColumnDefinition c, Schema before, MigrationOperation op) {
        return List.of("ALTER TABLE " + table(t) + " DROP COLUMN " + quote(c.name()));
    }

    @Override
    protected List<String> alterColumn(TableDefinition t, ColumnDefinition from, ColumnDefinition to, Schema before, MigrationOperation op) {
        return List.of("ALTER TABLE " + table(t) + " MODIFY COLUMN " + columnDefinition(t, to));
    }

    @Override
    protected List<String> addConstraint(TableDefinition t, String clause, Schema before, MigrationOperation op) {
        return List.of("ALTER TABLE " + table(t) + " ADD " + clause);
    }

    @Override
    protected List<String> addForeignKey(TableDefinition t, ForeignKeyDefinition fk, Schema before, MigrationOperation op) {
        if (FkIndexes.covered(t, fk)) {
            return List.of("ALTER TABLE " + table(t) + " ADD " + foreignKeyClause(fk, t.schema()));
        }
        return List.of("ALTER TABLE " + table(t) + " ADD INDEX " + quote(fk.name()) + " (" + columns(fk.columns())
                + "), ADD " + foreignKeyClause(fk, t.schema()));
    }

    @Override
    protected List<String> dropUnique(TableDefinition t, UniqueDefinition u, Schema before, MigrationOperation op) {
        return List.of("ALTER TABLE " + table(t) + " DROP INDEX " + quote(u.name()));
    }

    /** Drops the constraint and its explicit index, if it has one (see {@link FkIndexes}). */
    @Override
    protected List<String> dropForeignKey(TableDefinition t, ForeignKeyDefinition fk, Schema before, MigrationOperation op) {
        if (FkIndexes.covered(t, fk)) {
            return List.of("ALTER TABLE " + table(t) + " DROP FOREIGN KEY " + quote(fk.name()));
        }
        return List.of("ALTER TABLE " + table(t) + " DROP FOREIGN KEY " + quote(fk.name()),
                "ALTER TABLE " + table(t) + " DROP INDEX " + quote(fk.name()));
    }

    /**
     * InnoDB needs an index on foreign key columns; when none exists it creates one implicitly and
     * later drops it silently as soon as another index covers the columns, which makes the schema
     * depend on history. So a foreign key that no index of the table covers gets an explicit index of
     * its own name; one that an index covers (the {@code ix_} index models give every foreign key)
     * gets none, so there are never two identical indexes ({@link FkIndexes}).
     */
    @Override
    protected String foreignKeyDefinition(TableDefinition t, ForeignKeyDefinition f) {
        String clause = foreignKeyClause(f, t.schema());
        return FkIndexes.covered(t, f) ? clause : "INDEX " + quote(f.name()) + " (" + columns(f.columns()) + "), " + clause;
    }

    /** Indexes that cover a foreign key go inside CREATE TABLE, so InnoDB never makes an implicit one. */
    @Override
    protected List<String> createTable(TableDefinition t, Schema before) {
        List<String> inline = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (IndexDefinition i : t.indexes()) {
            String statement = createIndex(t, i);  // validates the index for this dialect
            if (t.foreignKeys().stream().anyMatch(fk -> FkIndexes.covers(i, fk))) {
                inline.add((i.unique() ? "UNIQUE INDEX " : "INDEX ") + quote(i.name()) + " (" + columns(i.columns()) + ")");
            } else {
                after.add(statement);
            }
        }
        String create = createTableStatement(t, table(t));
        if (!inline.isEmpty()) {
            int close = create.length() - tableOptions(t).length() - 1;
            create = create.substring(0, close) + ", " + String.join(", ", inline) + create.substring(close);
        }
        List<String> out = new ArrayList<>();
        out.add(create);
        out.addAll(after);
        return out;
    }

    /** A new index that covers foreign keys replaces their explicit indexes, in one atomic ALTER TABLE. */
    @Override
    protected List<String> createIndexStatements(TableDefinition t, IndexDefinition i) {
        String create = createIndex(t, i);
        List<ForeignKeyDefinition> replaced = FkIndexes.newlyCovered(t, i);
        if (replaced.isEmpty()) {
            return List.of(create);
        }
        StringBuilder sb = new StringBuilder("ALTER TABLE ").append(table(t)).append(" ADD ")
                .append(i.unique() ? "UNIQUE INDEX " : "INDEX ").append(quote(i.name())).append(" (")
                .append(columns(i.columns())).append(")");
        replaced.forEach(fk -> sb.append(", DROP INDEX ").append(quote(fk.name())));
        return List.of(sb.toString());
    }

    /** Dropping the only index that covers foreign keys gives them their own index back, atomically. */
    @Override
    protected List<String> dropIndexStatements(TableDefinition t, IndexDefinition i) {
        List<ForeignKeyDefinition> uncovered = FkIndexes.uncoveredWithout(t, i);
        if (uncovered.isEmpty()) {
            return List.of(dropIndex(t, i));
        }
        StringBuilder sb = new StringBuilder("ALTER TABLE ").append(table(t));
        uncovered.forEach(fk -> sb.append(" ADD INDEX ").append(quote(fk.name())).append(" (")
                .append(columns(fk.columns())).append("),"));
        sb.append(" DROP INDEX ").append(quote(i.name()));
        return List.of(sb.toString());
    }

    @Override
    protected List<String> dropCheck(TableDefinition t, CheckDefinition c, Schema before, MigrationOperation op) {
        return List.of("ALTER TABLE " + table(t) + (mariaDb ? " DROP CONSTRAINT " : " DROP CHECK ") + quote(c.name()));
    }

    @Override
    protected String createIndex(TableDefinition t, IndexDefinition i) {
        if (i.where() != null && i.unique()) {
            throw new MigrationException("table " + t.name() + ": unique partial index " + i.name() + " (WHERE "
                    + i.where() + ") cannot be created on " + (mariaDb ? "MariaDB" : "MySQL")
                    + ", which has no partial indexes; use a RawSql operation (e.g. a generated column) instead");
        }
        if (i.method() == IndexMethod.GIN || i.method() == IndexMethod.GIST) {
            throw new MigrationException("table " + t.name() + ": index " + i.name() + " uses " + i.method()
                    + ", which only PostgreSQL has");
        }
        return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + quote(i.name()) + " ON " + table(t)
                + " (" + columns(i.columns()) + ")";
    }

    @Override
    protected List<String> alterTableComment(TableDefinition t, String comment) {
        return List.of("ALTER TABLE " + table(t) + " COMMENT = " + literal(comment == null ? "" : comment));
    }

    @Override
    protected String dropIndex(TableDefinition t, IndexDefinition i) {
        return "DROP INDEX " + quote(i.name()) + " ON " + table(t);
    }
}
