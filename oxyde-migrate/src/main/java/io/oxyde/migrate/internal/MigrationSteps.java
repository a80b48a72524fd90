package io.oxyde.migrate.internal;

import io.oxyde.migrate.DdlRenderer;
import io.oxyde.migrate.Migration;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.MigrationException;
import io.oxyde.migrate.MigrationOperation;
import io.oxyde.migrate.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one migration step at a time: inside the step's transaction (or lock) it re-reads the history,
 * verifies it against the files, picks the next migration to apply or roll back, runs its statements
 * and records the result. Re-reading inside the transaction is what makes SQLite's BEGIN EXCLUSIVE a
 * sufficient lock.
 */
public final class MigrationSteps {
    private static final System.Logger LOG = System.getLogger("io.oxyde.migrate");

    /** One finished step. */
    public record Done(String name, boolean forward) {
    }

    private final Dialect dialect;
    private final List<Migration> migrations;
    private final String origin;
    private final HistoryTable history;

    public MigrationSteps(Dialect dialect, List<Migration> migrations, String origin) {
        this.dialect = dialect;
        this.migrations = migrations;
        this.origin = origin;
        this.history = new HistoryTable(dialect);
    }

    /** Schema before migration {@code index}: the previous snapshot. */
    private Schema before(int index) {
        return index == 0 ? Schema.empty() : migrations.get(index - 1).snapshot();
    }

    public List<String> forwardSql(int index) {
        return DdlRenderer.renderAll(migrations.get(index).operations(), dialect, before(index));
    }

    public List<String> backwardSql(int index) {
        List<Executed> back = executed(index, false);
        return back.isEmpty() ? List.of()
                : DdlRenderer.renderAll(back.stream().map(Executed::op).toList(), dialect, back.get(0).before());
    }

    /** One operation as a run executes it, with the schema just before it. */
    public record Executed(MigrationOperation op, Schema before) {
    }

    /** The operations that applying ({@code forward}) or rolling back migration {@code index} runs, in order. */
    public List<Executed> executed(int index, boolean forward) {
        Schema state = before(index);
        List<MigrationOperation> ops = migrations.get(index).operations();
        List<Executed> applied = new ArrayList<>();
        for (MigrationOperation op : ops) {
            applied.add(new Executed(op, state));
            state = op.applyTo(state);
        }
        if (forward) {
            return applied;
        }
        List<Executed> reverse = new ArrayList<>();
        for (int k = ops.size() - 1; k >= 0; k--) {
            for (MigrationOperation r : ops.get(k).reverse(applied.get(k).before())) {
                reverse.add(new Executed(r, state));
                state = r.applyTo(state);
            }
        }
        return reverse;
    }

    /** The migration at {@code index}. */
    public Migration migration(int index) {
        return migrations.get(index);
    }

    /** The position of migration {@code name}. */
    public int index(String name) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new MigrationException("no migration named " + name + " in " + origin);
    }

    /**
     * The history as the migration files see it: rows of migrations that a squashed migration replaces
     * count as one row of the squashed migration. A database that applied only some of them is refused.
     */
    public List<HistoryTable.Row> history(Connection c) throws SQLException {
        return SquashedHistory.collapse(history.read(c), migrations);
    }

    /** Refuses a history whose files were edited, removed or reordered. */
    public void verify(List<HistoryTable.Row> rows) {
        for (int k = 0; k < rows.size(); k++) {
            HistoryTable.Row row = rows.get(k);
            int index = -1;
            for (int i = 0; i < migrations.size(); i++) {
                if (migrations.get(i).name().equals(row.name())) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new MigrationException("migration " + row.name() + " is recorded as applied in "
                        + HistoryTable.NAME + " but its file is missing from " + origin
                        + "; restore the file (or roll the database back with the file present)");
            }
            Migration m = migrations.get(index);
            if (!m.checksum().equals(row.checksum()) && Json.operationsChecksum(m.operations()).equals(row.checksum())) {
                throw new MigrationException("migration " + row.name() + " was recorded by an Oxyde version whose "
                        + "checksum covered only the operations, which are unchanged; run repair to record the "
                        + "checksum that also covers the snapshot");
            }
            if (!m.checksum().equals(row.checksum())) {
                throw new MigrationException("migration " + row.name() + " was edited after it was applied (its operations or its snapshot): "
                        + HistoryTable.NAME + " has checksum " + row.checksum() + " but the file now gives "
                        + m.checksum() + "; restore the file and put the change in a new migration");
            }
            if (index != k) {
                throw new MigrationException("migration " + row.name() + " was applied as number " + (k + 1)
                        + " but is number " + (index + 1) + " in " + origin + ": migration "
                        + migrations.get(k).name() + " was inserted before already-applied migrations; renumber it");
            }
        }
    }

    /** Applies or rolls back the next migration towards {@code targetIndex}; null when there is nothing to do. */
    public Done runNext(Connection c, int targetIndex, boolean fake) throws SQLException {
        boolean sqlite = dialect == Dialect.SQLITE;
        boolean fkWasOn = false;
        if (sqlite) {
            fkWasOn = queryInt(c, "PRAGMA foreign_keys") == 1;
            exec(c, "PRAGMA foreign_keys = OFF");
            exec(c, "BEGIN EXCLUSIVE");
        } else if (dialect.transactionalDdl()) {
            c.setAutoCommit(false);
        }
        List<String> ran = new ArrayList<>();
        String name = null;
        boolean forward = true;
        List<String> statements = List.of();
        try {
            List<HistoryTable.Row> rows = history(c);
            verify(rows);
            if (!dialect.transactionalDdl()) {
                FailureLog.refuseIfPending(c);
            }
            int appliedCount = rows.size();
            int index;
            if (appliedCount - 1 < targetIndex) {
                forward = true;
                index = appliedCount;
            } else if (appliedCount - 1 > targetIndex) {
                forward = false;
                index = appliedCount - 1;
            } else {
                commit(c);
                return null;
            }
            Migration m = migrations.get(index);
            name = m.name();
            statements = render(m, index, forward);
            if (!fake) {
                for (String sql : statements) {
                    if (JavaSteps.is(sql)) {
                        JavaSteps.run(sql, c);
                        ran.add(sql);
                        continue;
                    }
                    if (sql.startsWith("--")) {
                        LOG.log(System.Logger.Level.WARNING, "{0}: {1}", m.name(), sql);
                        ran.add(sql);
                        continue;
                    }
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                    ran.add(sql);
                }
                if (sqlite) {
                    checkForeignKeys(c, m.name());
                }
            }
            if (forward) {
                history.insert(c, m.name(), m.checksum());
            } else {
                history.delete(c, m.name());
                for (String replaced : m.replaces()) {
                    history.delete(c, replaced);
                }
            }
            commit(c);
            LOG.log(System.Logger.Level.INFO, "{0} {1}{2}", forward ? "applied" : "rolled back", m.name(), fake ? " (fake)" : "");
            return new Done(m.name(), forward);
        } catch (SQLException | RuntimeException e) {
            String cause = e.getMessage();
            if (sqlite && e instanceof SQLException && ran.size() < statements.size()) {
                Schema target = forward ? migrations.get(index(name)).snapshot() : before(index(name));
                cause = SqliteRebuildErrors.explain(c, statements.get(ran.size()), (SQLException) e, target).orElse(cause);
            }
            rollback(c);
            if (name == null || e instanceof RenderFailure) {
                throw e;
            }
            if (!dialect.transactionalDdl() && !ran.isEmpty()) {
                FailureLog.record(c, new FailureLog.Failure(name, forward, completedOperations(index(name), forward, ran.size()),
                        ran, cause));
            }
            throw FailureMessage.of(dialect, name, forward, statements, ran, cause, e);
        } finally {
            if (sqlite) {
                exec(c, "PRAGMA foreign_keys = " + (fkWasOn ? "ON" : "OFF"));
            } else if (dialect.transactionalDdl()) {
                c.setAutoCommit(true);
            }
        }
    }

    /** A migration whose operations cannot be rendered: nothing ran. */
    private static final class RenderFailure extends MigrationException {
        RenderFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private List<String> render(Migration m, int index, boolean forward) {
        try {
            return forward ? forwardSql(index) : backwardSql(index);
        } catch (RuntimeException e) {
            throw new RenderFailure("migration " + m.name() + " cannot be " + (forward ? "applied" : "rolled back")
                    + ": its operations do not fit the schema before it (" + e.getMessage()
                    + "); nothing was run", e);
        }
    }

    /** How many whole operations of the run ran, given that its first {@code statementsRan} statements did. */
    public int completedOperations(int index, boolean forward, int statementsRan) {
        int done = 0;
        int count = 0;
        for (Executed e : executed(index, forward)) {
            count += DdlRenderer.render(e.op(), dialect, e.before()).size();
            if (count > statementsRan) {
                break;
            }
            done++;
        }
        return done;
    }

    private static void checkForeignKeys(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
            if (rs.next()) {
                throw new MigrationException("migration " + name + " leaves a broken foreign key: table "
                        + rs.getString(1) + " rowid " + rs.getString(2) + " references missing row in " + rs.getString(3));
            }
        }
    }

    private void commit(Connection c) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            exec(c, "COMMIT");
        } else if (dialect.transactionalDdl()) {
            c.commit();
        }
    }

    private void rollback(Connection c) {
        try {
            if (dialect == Dialect.SQLITE) {
                exec(c, "ROLLBACK");
            } else if (dialect.transactionalDdl()) {
                c.rollback();
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "rollback failed", e);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int queryInt(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
