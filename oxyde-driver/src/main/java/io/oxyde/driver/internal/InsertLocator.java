package io.oxyde.driver.internal;

import io.oxyde.codec.InsertIr;
import io.oxyde.codec.QueryIr;
import io.oxyde.exception.IntegrityViolationException;
import io.oxyde.exception.OxydeException;
import io.oxyde.query.RenderedQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

/**
 * Finds the first row of a failed multi-row insert that breaks a constraint. Databases say
 * which constraint failed but not which row of a multi-row VALUES list (SQLite does not even
 * name the value), so after a constraint violation the driver re-runs prefixes of the insert
 * under a savepoint it always rolls back, bisecting to the shortest failing prefix: about
 * log2(rows) statements, only on the failure path, never leaving a row behind.
 */
final class InsertLocator {

    /** Inserts larger than this are not probed (the probes would cost too much). */
    static final int MAX_ROWS = 200_000;

    private InsertLocator() {
    }

    /** The insert worth probing: an {@link InsertIr} of two or more rows, else {@code null}. */
    static InsertIr multiRow(QueryIr ir) {
        if (ir instanceof InsertIr insert) {
            int n = insert.rows().size();
            if (n > 1 && n <= MAX_ROWS) {
                return insert;
            }
        }
        return null;
    }

    /**
     * Probes on {@code c}, which must be inside a transaction in which the failed insert left
     * nothing behind, and records the row on {@code error}. Never throws: a probe that fails
     * for another reason is attached to {@code error} as suppressed and the row stays unknown.
     */
    static void locate(Connection c, InsertIr insert, IntegrityViolationException error, ManagedPool pool, Work work) {
        try {
            int n = insert.rows().size();
            if (!fails(c, insert, n, pool, work)) {
                return; // not reproducible (a concurrent writer); leave the row unknown
            }
            int lo = 1;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (fails(c, insert, mid, pool, work)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            error.atRow(hi - 1, n);
        } catch (SQLException | RuntimeException e) {
            error.addSuppressed(e);
        }
    }

    private static boolean fails(Connection c, InsertIr insert, int prefix, ManagedPool pool, Work work)
            throws SQLException {
        InsertIr probe = new InsertIr(insert.model(), insert.table(), insert.columns(), insert.rows().subList(0, prefix),
                List.of(), insert.onConflict());
        RenderedQuery q = pool.render(probe);
        Savepoint sp = c.setSavepoint();
        try {
            pool.runner().run(c, q, null, work);
            return false;
        } catch (SQLException e) {
            OxydeException error = ErrorClassifier.translate(e, pool.dialect(), pool.name(), null, work.timedOut());
            if (error instanceof IntegrityViolationException) {
                return true;
            }
            throw error;
        } finally {
            c.rollback(sp);
            c.releaseSavepoint(sp);
        }
    }
}
