package io.oxyde.migrate.internal;

import io.oxyde.migrate.DdlRenderer;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.MigrationException;
import io.oxyde.migrate.MigrationOperation;
import io.oxyde.migrate.RepairReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code repair}: brings the history and the schema back in line after what the migrator cannot
 * prevent. (1) A run that failed half-way on MySQL / MariaDB (see {@link FailureLog}) is undone: the
 * reverse of every operation that completed runs, newest first, so the database is back where the
 * run started and the migration can be fixed and run again. (2) History rows that carry the
 * operations-only checksum of Oxyde 0.1 get the checksum that also covers the snapshot, when the
 * operations still match.
 */
public final class MigrationRepair {
    private final Dialect dialect;
    private final MigrationSteps steps;

    public MigrationRepair(Dialect dialect, MigrationSteps steps) {
        this.dialect = dialect;
        this.steps = steps;
    }

    /** Repairs on {@code c}; with {@code forget}, a recorded failure is only forgotten (already fixed by hand). */
    public RepairReport run(Connection c, boolean forget) throws SQLException {
        List<String> undone = new ArrayList<>();
        String failed = null;
        if (!dialect.transactionalDdl()) {
            Optional<FailureLog.Failure> failure = FailureLog.pending(c);
            if (failure.isPresent()) {
                failed = failure.get().name();
                if (!forget) {
                    undone.addAll(undo(c, failure.get()));
                }
                FailureLog.clear(c);
            }
        }
        List<String> realigned = new ArrayList<>();
        HistoryTable history = new HistoryTable(dialect);
        for (HistoryTable.Row row : steps.history(c)) {
            int index = steps.index(row.name());
            var m = steps.migration(index);
            if (!m.checksum().equals(row.checksum()) && Json.operationsChecksum(m.operations()).equals(row.checksum())) {
                history.updateChecksum(c, m.name(), m.checksum());
                realigned.add(m.name());
            }
        }
        return new RepairReport(failed, undone, realigned);
    }

    private List<String> undo(Connection c, FailureLog.Failure failure) throws SQLException {
        int index = steps.index(failure.name());
        List<MigrationSteps.Executed> executed = steps.executed(index, failure.forward());
        int completed = failure.completedOperations();
        int statementsOfCompleted = 0;
        for (int k = 0; k < completed; k++) {
            statementsOfCompleted += DdlRenderer.render(executed.get(k).op(), dialect, executed.get(k).before()).size();
        }
        if (failure.ran().size() > statementsOfCompleted) {
            MigrationSteps.Executed partial = executed.get(completed);
            if (!(partial.op() instanceof MigrationOperation.CreateTable)) {
                throw new MigrationException("cannot repair " + failure.name() + " automatically: operation "
                        + partial.op() + " stopped half-way after " + failure.ran().subList(statementsOfCompleted,
                        failure.ran().size()) + "; undo those statements by hand, then run repair again with --forget"
                        + " and undo the operations before it by rolling back");
            }
            completed++;  // a half-created table is dropped whole
        }
        List<String> undone = new ArrayList<>();
        for (int k = completed - 1; k >= 0; k--) {
            MigrationSteps.Executed e = executed.get(k);
            List<MigrationOperation> reverse = e.op().reverse(e.before());
            for (String sql : DdlRenderer.renderAll(reverse, dialect, e.op().applyTo(e.before()))) {
                if (JavaSteps.is(sql)) {
                    JavaSteps.run(sql, c);
                } else if (!sql.startsWith("--")) {
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                    } catch (SQLException ex) {
                        throw new MigrationException("repair of " + failure.name() + " failed at " + sql + ": "
                                + ex.getMessage() + (undone.isEmpty() ? "" : "; already undone: " + undone), ex);
                    }
                }
                undone.add(sql);
            }
        }
        return undone;
    }
}
