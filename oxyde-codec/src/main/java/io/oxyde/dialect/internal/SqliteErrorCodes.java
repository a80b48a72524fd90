package io.oxyde.dialect.internal;

/**
 * SQLite's primary and extended result codes (sqlite-jdbc turns extended codes on by default),
 * the table {@link SqliteFormat} classifies errors by.
 */
public final class SqliteErrorCodes {
    /** SQLITE_BUSY: another connection holds the lock (low byte of its extended codes). */
    public static final int BUSY = 5;
    /** SQLITE_LOCKED. */
    public static final int LOCKED = 6;
    /** SQLITE_INTERRUPT: the statement was cancelled ({@code sqlite3_interrupt}). */
    public static final int INTERRUPT = 9;
    /** SQLITE_BUSY_SNAPSHOT: a WAL reader tried to write after another connection committed. */
    public static final int BUSY_SNAPSHOT = 517;
    static final int CONSTRAINT_CHECK = 275;
    static final int CONSTRAINT_FOREIGNKEY = 787;
    static final int CONSTRAINT_NOTNULL = 1299;
    static final int CONSTRAINT_PRIMARYKEY = 1555;
    static final int CONSTRAINT_UNIQUE = 2067;

    private SqliteErrorCodes() {
    }

    static ErrorKind kind(int code) {
        return switch (code) {
            case CONSTRAINT_UNIQUE, CONSTRAINT_PRIMARYKEY -> ErrorKind.UNIQUE;
            case CONSTRAINT_FOREIGNKEY -> ErrorKind.FOREIGN_KEY;
            case CONSTRAINT_NOTNULL -> ErrorKind.NOT_NULL;
            case CONSTRAINT_CHECK -> ErrorKind.CHECK;
            case INTERRUPT -> ErrorKind.TIMEOUT;
            // the transaction's snapshot is stale: a serialization failure
            case BUSY_SNAPSHOT -> ErrorKind.SERIALIZATION;
            // SQLITE_BUSY and SQLITE_LOCKED, including their extended codes (low byte)
            default -> (code & 0xff) == BUSY || (code & 0xff) == LOCKED ? ErrorKind.TIMEOUT : ErrorKind.OTHER;
        };
    }
}
