package io.oxyde.migrate;

/**
 * The databases migrations render DDL for. Kept separate from the query dialects so migrations
 * run on plain JDBC without the query layer.
 */
public enum MigrationDialect {
    POSTGRES(true),
    MYSQL(false),
    MARIADB(false),
    SQLITE(true);

    private final boolean transactionalDdl;

    MigrationDialect(boolean transactionalDdl) {
        this.transactionalDdl = transactionalDdl;
    }

    /** Whether DDL runs inside a transaction (and so a failed migration rolls back completely). */
    public boolean transactionalDdl() {
        return transactionalDdl;
    }

    /** The dialect of a live connection, from its database product name. */
    public static MigrationDialect detect(java.sql.Connection connection) throws java.sql.SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        String version = connection.getMetaData().getDatabaseProductVersion().toLowerCase(java.util.Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRES;
        } else if (product.contains("sqlite")) {
            return SQLITE;
        } else if (product.contains("mariadb") || version.contains("mariadb")) {
            return MARIADB;
        } else if (product.contains("mysql")) {
            return MYSQL;
        }
        throw new MigrationException("no migration dialect for database " + product + " " + version);
    }

    /** True for MySQL and MariaDB, which share most DDL. */
    public boolean isMySqlFamily() {
        return this == MYSQL || this == MARIADB;
    }
}
