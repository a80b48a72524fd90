package io.oxyde.driver.internal;

import io.oxyde.exception.AcquireTimeoutException;
import io.oxyde.exception.CheckViolationException;
import io.oxyde.exception.ConnectionLostException;
import io.oxyde.exception.DatabaseException;
import io.oxyde.exception.DeadlockException;
import io.oxyde.exception.ForeignKeyViolationException;
import io.oxyde.exception.NotNullViolationException;
import io.oxyde.exception.OxydeException;
import io.oxyde.exception.ReadOnlyTransactionException;
import io.oxyde.exception.SerializationFailureException;
import io.oxyde.exception.StatementTimeoutException;
import io.oxyde.exception.UniqueViolationException;
import io.oxyde.dialect.Dialect;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Maps JDBC exceptions to Oxyde's error classes by SQLSTATE and vendor code (SQLite extended
 * result codes, MySQL/MariaDB error numbers), never by message text, so the classification
 * does not break with a server's language or version.
 */
public final class ErrorClassifier {

    /** SQLite primary and extended result codes used below. */
    static final int SQLITE_BUSY = 5;
    static final int SQLITE_LOCKED = 6;
    static final int SQLITE_INTERRUPT = 9;
    static final int SQLITE_BUSY_SNAPSHOT = 517;
    static final int SQLITE_CONSTRAINT_CHECK = 275;
    static final int SQLITE_CONSTRAINT_FOREIGNKEY = 787;
    static final int SQLITE_CONSTRAINT_NOTNULL = 1299;
    static final int SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
    static final int SQLITE_CONSTRAINT_UNIQUE = 2067;

    private ErrorClassifier() {
    }

    /** Which Oxyde class an SQL error belongs to. */
    public enum Kind {
        UNIQUE, FOREIGN_KEY, NOT_NULL, CHECK, SERIALIZATION, DEADLOCK, TIMEOUT, CONNECTION_LOST, READ_ONLY, OTHER
    }

    /**
     * Converts any failure of JDBC work into an {@link OxydeException}.
     *
     * @param timedOut whether Oxyde's own statement timer cancelled the statement
     */
    public static OxydeException translate(Throwable t, Dialect dialect, String pool, String sql, boolean timedOut) {
        if (t instanceof OxydeException) {
            return (OxydeException) t;
        }
        if (t instanceof SQLTransientConnectionException && isHikariTimeout(t)) {
            return new AcquireTimeoutException("no connection available within the acquire timeout: "
                    + UrlParser.redact(t.getMessage()), pool, sql, t);
        }
        if (t instanceof SQLException) {
            SQLException e = (SQLException) t;
            String state = e.getSQLState();
            int code = vendorCode(e, dialect);
            if (timedOut) {
                return new StatementTimeoutException("statement cancelled by Oxyde's statement timeout", pool, sql, state,
                        code, e);
            }
            String msg = describe(e, state, code);
            switch (kind(e, dialect)) {
                case UNIQUE:
                    return new UniqueViolationException("unique constraint violated: " + msg, pool, sql, state, code, e);
                case FOREIGN_KEY:
                    return new ForeignKeyViolationException("foreign key constraint violated: " + msg, pool, sql, state, code, e);
                case NOT_NULL:
                    return new NotNullViolationException("not-null constraint violated: " + msg, pool, sql, state, code, e);
                case CHECK:
                    return new CheckViolationException("check constraint violated: " + msg, pool, sql, state, code, e);
                case SERIALIZATION:
                    return new SerializationFailureException("serialization failure (retryable): " + msg, pool, sql, state, code, e);
                case DEADLOCK:
                    return new DeadlockException("deadlock detected (retryable): " + msg, pool, sql, state, code, e);
                case TIMEOUT:
                    return new StatementTimeoutException("statement timed out: " + msg, pool, sql, state, code, e);
                case CONNECTION_LOST:
                    return new ConnectionLostException("connection lost: " + msg, pool, sql, state, code, e);
                case READ_ONLY:
                    return new ReadOnlyTransactionException("read-only transaction or server refused a write: " + msg,
                            pool, sql, state, code, e);
                default:
                    return new DatabaseException(msg, pool, sql, state, code, e);
            }
        }
        String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
        return new OxydeException(message, pool, sql, t);
    }

    /**
     * Refines the class of an error raised by a statement inside an explicit transaction.
     * SQLite answers SQLITE_BUSY at once, without waiting, when a transaction that has read
     * tries to write while another connection holds the write lock (waiting could deadlock);
     * it also answers BUSY when the lock stays taken beyond {@code busy_timeout}. Either way
     * the transaction can only succeed by rolling back and starting again, which is what a
     * {@link SerializationFailureException} tells {@code atomic(...retries(n))} to do.
     */
    public static OxydeException inTransaction(OxydeException error, Dialect dialect) {
        if (dialect == Dialect.SQLITE && error instanceof StatementTimeoutException) {
            StatementTimeoutException t = (StatementTimeoutException) error;
            if ((t.vendorCode() & 0xff) == SQLITE_BUSY && t.getCause() instanceof SQLException) {
                return new SerializationFailureException("serialization failure (retryable): another connection holds the "
                        + "SQLite write lock; roll back and retry the transaction (" + t.getMessage() + ")",
                        t.pool(), t.sql(), t.sqlState(), t.vendorCode(), t.getCause());
            }
        }
        return error;
    }

    /** The class of an SQL error. */
    public static Kind kind(SQLException e, Dialect dialect) {
        String state = e.getSQLState();
        int code = vendorCode(e, dialect);
        if (dialect == Dialect.SQLITE) {
            Kind k = sqliteKind(code);
            if (k != Kind.OTHER) {
                return k;
            }
        }
        if (dialect == Dialect.MYSQL || dialect == Dialect.MARIADB) {
            Kind k = mysqlKind(code);
            if (k != Kind.OTHER) {
                return k;
            }
        }
        if (state != null) {
            switch (state) {
                case "23505":
                    return Kind.UNIQUE;
                case "23503":
                    return Kind.FOREIGN_KEY;
                case "23502":
                    return Kind.NOT_NULL;
                case "23514":
                    return Kind.CHECK;
                case "40001": // also a hot standby's recovery conflict ("conflict with recovery")
                    return Kind.SERIALIZATION;
                case "25006":
                    return Kind.READ_ONLY;
                case "40P01":
                    return Kind.DEADLOCK;
                case "57014":
                case "55P03":
                    return Kind.TIMEOUT;
                case "57P01":
                case "57P02":
                case "57P03":
                    return Kind.CONNECTION_LOST;
                default:
                    if (state.startsWith("08")) {
                        return Kind.CONNECTION_LOST;
                    }
            }
        }
        if (e instanceof SQLTimeoutException) {
            return Kind.TIMEOUT;
        }
        if (e instanceof SQLRecoverableException || e instanceof SQLNonTransientConnectionException) {
            return Kind.CONNECTION_LOST;
        }
        return Kind.OTHER;
    }

    private static Kind sqliteKind(int code) {
        switch (code) {
            case SQLITE_CONSTRAINT_UNIQUE:
            case SQLITE_CONSTRAINT_PRIMARYKEY:
                return Kind.UNIQUE;
            case SQLITE_CONSTRAINT_FOREIGNKEY:
                return Kind.FOREIGN_KEY;
            case SQLITE_CONSTRAINT_NOTNULL:
                return Kind.NOT_NULL;
            case SQLITE_CONSTRAINT_CHECK:
                return Kind.CHECK;
            case SQLITE_INTERRUPT:
                return Kind.TIMEOUT;
            case SQLITE_BUSY_SNAPSHOT:
                // a WAL reader tried to write after another connection committed: the
                // transaction's snapshot is stale, which is a serialization failure
                return Kind.SERIALIZATION;
            default:
                // SQLITE_BUSY and SQLITE_LOCKED, including their extended codes (low byte)
                if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
                    return Kind.TIMEOUT;
                }
                return Kind.OTHER;
        }
    }

    private static Kind mysqlKind(int code) {
        switch (code) {
            case 1062: // ER_DUP_ENTRY
            case 1586: // ER_DUP_ENTRY_WITH_KEY_NAME
                return Kind.UNIQUE;
            case 1451: // ER_ROW_IS_REFERENCED_2
            case 1452: // ER_NO_REFERENCED_ROW_2
            case 1216:
            case 1217:
                return Kind.FOREIGN_KEY;
            case 1048: // ER_BAD_NULL_ERROR
            case 1364: // ER_NO_DEFAULT_FOR_FIELD (strict mode)
                return Kind.NOT_NULL;
            case 3819: // MySQL ER_CHECK_CONSTRAINT_VIOLATED
            case 4025: // MariaDB ER_CONSTRAINT_FAILED
                return Kind.CHECK;
            case 1213: // ER_LOCK_DEADLOCK; also Galera's certification failure / brute-force abort
                return Kind.DEADLOCK;
            case 1792: // MySQL ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
            case 1836: // MySQL ER_READ_ONLY_MODE
                return Kind.READ_ONLY;
            case 8002: // TiDB: SELECT FOR UPDATE transaction hit a write conflict; retry the transaction
            case 8005: // TiDB: write conflict, txnStartTS is stale
            case 8022: // TiDB: commit failed and rolled back; safe to retry the transaction
            case 8028: // TiDB: the schema changed during the transaction
            case 9007: // TiDB: write conflict in TiKV
                return Kind.SERIALIZATION;
            case 3024: // MySQL max_execution_time exceeded
            case 1969: // MariaDB max_statement_time exceeded
            case 1205: // ER_LOCK_WAIT_TIMEOUT
            case 1317: // ER_QUERY_INTERRUPTED (KILL QUERY from a statement cancel)
                return Kind.TIMEOUT;
            case 1927: // MariaDB ER_CONNECTION_KILLED
            case 2006: // CR_SERVER_GONE_ERROR
            case 2013: // CR_SERVER_LOST
            case 1053: // ER_SERVER_SHUTDOWN
                return Kind.CONNECTION_LOST;
            default:
                return Kind.OTHER;
        }
    }

    /** The vendor code: the SQLite extended result code, or JDBC's error code. */
    public static int vendorCode(SQLException e, Dialect dialect) {
        if (dialect == Dialect.SQLITE && e.getClass().getName().equals("org.sqlite.SQLiteException")) {
            return SqliteCodes.extendedCode(e);
        }
        return e.getErrorCode();
    }

    private static boolean isHikariTimeout(Throwable t) {
        // HikariCP reports an acquire timeout as SQLTransientConnectionException from its pool
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("com.zaxxer.hikari");
    }

    private static String describe(SQLException e, String state, int code) {
        StringBuilder b = new StringBuilder(UrlParser.redact(String.valueOf(e.getMessage())));
        b.append(" (");
        if (state != null) {
            b.append("SQLSTATE ").append(state).append(", ");
        }
        b.append("code ").append(code).append(')');
        return b.toString();
    }
}
