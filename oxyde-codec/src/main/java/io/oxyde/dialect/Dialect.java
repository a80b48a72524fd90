package io.oxyde.dialect;

import io.oxyde.exception.ConfigurationException;

/**
 * The SQL dialects Oxyde renders for, with the capabilities the renderer and the driver must
 * agree on (RETURNING support, bind-parameter limits), and those migrations need (transactional
 * DDL). One enum serves every module, so a dialect is named the same way everywhere.
 *
 * <p>Floors (oldest server versions the rendered SQL is written for): PostgreSQL 15,
 * SQLite 3.40, MySQL 8.0.31, MariaDB 10.7. The jOOQ dialect behind each constant is an
 * implementation detail.
 */
public enum Dialect {
    /** PostgreSQL 15 or newer. */
    POSTGRES(65_535, true, true, true, true),
    /** SQLite 3.40 or newer (RETURNING needs 3.35, the 32766 parameter limit 3.32). */
    SQLITE(32_766, true, true, true, true),
    /** MySQL 8.0.31 or newer: no RETURNING at all; inserts report JDBC generated keys. */
    MYSQL(65_535, false, false, false, false),
    /** MariaDB 10.7 or newer: INSERT … RETURNING and DELETE … RETURNING, no UPDATE … RETURNING. */
    MARIADB(65_535, true, false, true, false);

    private final int maxBindParameters;
    private final boolean insertReturning;
    private final boolean updateReturning;
    private final boolean deleteReturning;
    private final boolean transactionalDdl;

    Dialect(int maxBindParameters, boolean insertReturning, boolean updateReturning, boolean deleteReturning,
            boolean transactionalDdl) {
        this.transactionalDdl = transactionalDdl;
        this.maxBindParameters = maxBindParameters;
        this.insertReturning = insertReturning;
        this.updateReturning = updateReturning;
        this.deleteReturning = deleteReturning;
    }

    /** Whether {@code INSERT … RETURNING} is rendered (otherwise JDBC generated keys are used). */
    public boolean supportsReturning() {
        return insertReturning;
    }

    /** Whether {@code UPDATE … RETURNING} exists; the renderer refuses it where it does not. */
    public boolean supportsUpdateReturning() {
        return updateReturning;
    }

    /** Whether {@code DELETE … RETURNING} exists; the renderer refuses it where it does not. */
    public boolean supportsDeleteReturning() {
        return deleteReturning;
    }

    /** The most bind parameters one statement may carry; bulk inserts are chunked below it. */
    public int maxBindParameters() {
        return maxBindParameters;
    }

    /** Whether the dialect has row locks ({@code FOR UPDATE}); SQLite locks the whole database. */
    public boolean supportsRowLocks() {
        return this != SQLITE;
    }

    /**
     * Whether DDL runs inside a transaction (PostgreSQL, SQLite): a failed migration then rolls
     * back completely; on MySQL and MariaDB each DDL statement commits on its own.
     */
    public boolean transactionalDdl() {
        return transactionalDdl;
    }

    /** MySQL or MariaDB, which share most of their SQL. */
    public boolean isMySqlFamily() {
        return this == MYSQL || this == MARIADB;
    }

    /**
     * The dialect of an open connection, from its database metadata.
     *
     * @throws ConfigurationException when the database is none of the four
     */
    public static Dialect detect(java.sql.Connection connection) throws java.sql.SQLException {
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
        throw new ConfigurationException("dialect", "no Oxyde dialect for database " + product + " " + version);
    }
}
