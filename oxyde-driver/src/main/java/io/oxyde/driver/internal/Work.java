package io.oxyde.driver.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CancellationException;

/**
 * One unit of submitted work and the JDBC statement it is running, so that cancelling the
 * caller's future or the statement timer can cancel exactly that statement (and not a later
 * one that reuses the same connection).
 */
final class Work {

    private int rowsRead;

    private final Object lock = new Object();
    private Statement current;
    private boolean cancelled;
    private boolean acquired;
    private volatile boolean timedOut;
    private volatile boolean interrupted;
    private volatile String sql;

    /**
     * The work got its connection; refuses (the caller closes the connection) if it was
     * cancelled or its acquire deadline passed meanwhile, so nothing runs for a caller that was
     * already told it failed.
     */
    public void acquired() {
        synchronized (lock) {
            if (cancelled) {
                throw new CancellationException("cancelled, or its acquire deadline passed, before it got a connection");
            }
            acquired = true;
        }
    }

    /**
     * Called at the acquire deadline: if the work has no connection yet, it will never run
     * ({@link #acquired} refuses) and this answers true; once it has one, false.
     */
    public boolean expireIfWaiting() {
        synchronized (lock) {
            if (acquired) {
                return false;
            }
            cancelled = true;
            return true;
        }
    }

    /** Registers the statement about to run; refuses if the work was already cancelled. */
    public void attach(Statement statement) {
        synchronized (lock) {
            if (cancelled) {
                throw new CancellationException("cancelled before the statement ran");
            }
            current = statement;
        }
    }

    /** Notes the SQL (placeholders, no values) of the first statement this work runs, for observers. */
    public void ranSql(String text) {
        if (sql == null) {
            sql = text;
        }
    }

    /** The SQL of the first statement this work ran, or {@code null}. */
    public String sql() {
        return sql;
    }

    /** The statement finished. */
    public void detach() {
        synchronized (lock) {
            current = null;
        }
    }

    /** Cancels the work: the running statement, if any, and anything it would start later. */
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            cancelCurrent(current);
        }
    }

    /** Called by the statement timer: cancels {@code statement} if it is still the one running. */
    public void timeout(Statement statement) {
        synchronized (lock) {
            if (current != statement) {
                return;
            }
            timedOut = true;
            cancelCurrent(statement);
        }
    }

    public boolean isCancelled() {
        synchronized (lock) {
            return cancelled;
        }
    }

    /**
     * Whether a running statement was cancelled through JDBC. On SQLite that is
     * {@code sqlite3_interrupt} on the whole connection, whose flag can outlive the statement
     * and fail the next statement run without a fresh prepare (a cached one), so
     * {@link StatementRunner} clears it before the connection is used again.
     */
    public boolean interruptedAStatement() {
        return interrupted;
    }

    /** Whether the statement timer (not the caller) cancelled the statement. */
    /** Records how many rows the last result had (for the statement's JFR event). */
    public void rowsRead(int rows) {
        this.rowsRead = rows;
    }

    /** The row count {@link #rowsRead(int)} recorded. */
    public int rowsRead() {
        return rowsRead;
    }

    public boolean timedOut() {
        return timedOut;
    }

    private void cancelCurrent(Statement statement) {
        if (statement == null) {
            return;
        }
        interrupted = true;
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // the statement may have just finished; nothing left to cancel
        }
    }
}
