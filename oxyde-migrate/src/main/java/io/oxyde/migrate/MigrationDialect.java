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

    /** True for MySQL and MariaDB, which share most DDL. */
    public boolean isMySqlFamily() {
        return this == MYSQL || this == MARIADB;
    }
}
