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
import io.oxyde.dialect.internal.ErrorKind;
import io.oxyde.dialect.internal.SqliteErrorCodes;
import io.oxyde.dialect.internal.StorageFormat;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Maps JDBC exceptions to Oxyde's error classes by SQLSTATE and vendor code (SQLite extended
 * result codes, MySQL/MariaDB error numbers: each dialect's table sits beside its storage format
 * in {@code io.oxyde.dialect.internal}), never by message text, so the classification does not
 * break with a server's language or version.
 */
public final class ErrorClassifier {

    private ErrorClassifier() {
    }

    /**
     * Converts any failure of JDBC work into an {@link OxydeException}.
     *
     * @param timedOut whether Oxyde's own statement timer cancelled the statement
     */
    public static OxydeException translate(Throwable t, Dialect dialect, String pool, String sql, boolean timedOut) {
        if (t instanceof OxydeException oxyde) {
            return oxyde;
        }
        if (t instanceof SQLTransientConnectionException && isHikariTimeout(t)) {
            return new AcquireTimeoutException("no connection available within the acquire timeout: "
                    + UrlParser.redact(t.getMessage()), pool, sql, t);
        }
        if (t instanceof SQLException e) {
            String state = e.getSQLState();
            int code = vendorCode(e, dialect);
            if (timedOut) {
                return new StatementTimeoutException("statement cancelled by Oxyde's statement timeout", pool, sql, state,
                        code, e);
            }
            String msg = describe(e, state, code);
            return switch (kind(e, dialect)) {
                case UNIQUE -> new UniqueViolationException("unique constraint violated: " + msg, pool, sql, state, code, e);
                case FOREIGN_KEY -> new ForeignKeyViolationException("foreign key constraint violated: " + msg, pool, sql,
                        state, code, e);
                case NOT_NULL -> new NotNullViolationException("not-null constraint violated: " + msg, pool, sql, state,
                        code, e);
                case CHECK -> new CheckViolationException("check constraint violated: " + msg, pool, sql, state, code, e);
                case SERIALIZATION -> new SerializationFailureException("serialization failure (retryable): " + msg, pool,
                        sql, state, code, e);
                case DEADLOCK -> new DeadlockException("deadlock detected (retryable): " + msg, pool, sql, state, code, e);
                case TIMEOUT -> new StatementTimeoutException("statement timed out: " + msg, pool, sql, state, code, e);
                case CONNECTION_LOST -> new ConnectionLostException("connection lost: " + msg, pool, sql, state, code, e);
                case READ_ONLY -> new ReadOnlyTransactionException("read-only transaction or server refused a write: " + msg,
                        pool, sql, state, code, e);
                case OTHER -> new DatabaseException(msg, pool, sql, state, code, e);
            };
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
        if (dialect == Dialect.SQLITE && error instanceof StatementTimeoutException t) {
            if ((t.vendorCode() & 0xff) == SqliteErrorCodes.BUSY && t.getCause() instanceof SQLException) {
                return new SerializationFailureException("serialization failure (retryable): another connection holds the "
                        + "SQLite write lock; roll back and retry the transaction (" + t.getMessage() + ")",
                        t.pool(), t.sql(), t.sqlState(), t.vendorCode(), t.getCause());
            }
        }
        return error;
    }

    /**
     * The class of an SQL error: the dialect's code table ({@link StorageFormat#errorKind}), then
     * the JDBC exception's own class for drivers that report timeouts and lost connections
     * without a SQLSTATE.
     */
    public static ErrorKind kind(SQLException e, Dialect dialect) {
        ErrorKind k = StorageFormat.of(dialect).errorKind(e.getSQLState(), vendorCode(e, dialect));
        if (k != ErrorKind.OTHER) {
            return k;
        }
        if (e instanceof SQLTimeoutException) {
            return ErrorKind.TIMEOUT;
        }
        if (e instanceof SQLRecoverableException || e instanceof SQLNonTransientConnectionException) {
            return ErrorKind.CONNECTION_LOST;
        }
        return ErrorKind.OTHER;
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
