package io.oxyde.driver;

import java.sql.Connection;

/**
 * Transaction isolation levels, mapped to JDBC's. SQLite runs every transaction serializable
 * and accepts only {@link #DEFAULT} and {@link #SERIALIZABLE} (PRAGMA read_uncommitted aside).
 */
public enum Isolation {
    /** Whatever the database or pool uses by default. */
    DEFAULT(-1),
    READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    Isolation(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** The {@code Connection.TRANSACTION_*} constant, or -1 for {@link #DEFAULT}. */
    public int jdbcLevel() {
        return jdbcLevel;
    }
}
