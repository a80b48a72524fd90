package io.oxyde.migrate;

import io.oxyde.migrate.internal.DialectDdl;
import io.oxyde.migrate.internal.MySqlDdl;
import io.oxyde.migrate.internal.PostgresDdl;
import io.oxyde.migrate.internal.SqliteDdl;
import java.util.List;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.MigrationException;

/**
 * Turns operations into DDL statements for one dialect, every identifier quoted. The DDL is
 * hand-written rather than built with jOOQ's DDL API because migrations need exact control that
 * jOOQ does not give on all three databases (SQLite table rebuilds, PostgreSQL enum types and
 * {@code USING} casts, MariaDB's DROP CONSTRAINT vs MySQL's DROP CHECK); see docs/migrations.md.
 */
public final class DdlRenderer {
    private DdlRenderer() {
    }

    /** The statements for one operation, given the schema just before it. */
    public static List<String> render(MigrationOperation op, Dialect dialect, Schema schemaBefore) {
        return ddl(dialect).render(op, schemaBefore);
    }

    /** The statements for a list of operations applied in order, starting from {@code schemaBefore}. */
    public static List<String> renderAll(List<MigrationOperation> ops, Dialect dialect, Schema schemaBefore) {
        return ddl(dialect).renderAll(ops, schemaBefore);
    }

    /** Quotes an identifier for the dialect. */
    public static String quote(String identifier, Dialect dialect) {
        return ddl(dialect).quote(identifier);
    }

    private static DialectDdl ddl(Dialect dialect) {
        return switch (dialect) {
            case POSTGRES -> new PostgresDdl();
            case MYSQL -> new MySqlDdl(false);
            case MARIADB -> new MySqlDdl(true);
            case SQLITE -> new SqliteDdl();
            default -> throw new MigrationException("unknown dialect " + dialect);
        };
    }
}
