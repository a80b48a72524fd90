package io.oxyde.migrate;

import io.oxyde.migrate.internal.SchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.MigrationException;

/**
 * Reads the schema of a live database (inspectdb): tables, columns and their logical types, identity
 * columns, defaults, primary keys, foreign keys, indexes and (SQLite) unique constraints, through JDBC
 * metadata. Feeding it to {@link Migrator#makeMigrations} writes an initial migration for an existing
 * database; record it there with {@code migrate --fake}. Check constraints, comments and PostgreSQL
 * enum types are not read (see docs/migrations.md).
 */
public final class SchemaInspector {
    private SchemaInspector() {
    }

    /** The schema of the database (the connection's schema / database) behind {@code c}, tables sorted by name. */
    public static Schema inspect(Connection c, Dialect dialect) {
        try {
            return new SchemaReader(c, dialect).read();
        } catch (SQLException e) {
            throw new MigrationException("cannot read the schema of the database: " + e.getMessage(), e);
        }
    }
}
