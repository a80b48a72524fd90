package io.oxyde.migrate.internal;

import io.oxyde.dialect.Dialect;
import io.oxyde.exception.MigrationException;
import java.util.List;

/**
 * The error of a failed migration: the statement that failed (or, on SQLite, the rebuild it belongs
 * to), its number, the cause, and what state the database is in: rolled back where DDL is
 * transactional; otherwise the statements that already ran and whether the migration is recorded.
 */
final class FailureMessage {
    private FailureMessage() {
    }

    static MigrationException of(Dialect dialect, String name, boolean forward, List<String> statements,
                                 List<String> ran, String cause, Exception e) {
        String failed = ran.size() < statements.size() ? statements.get(ran.size())
                : "(recording the migration in " + HistoryTable.NAME + ")";
        if (dialect == Dialect.SQLITE) {
            failed = SqliteRebuildErrors.copiedTable(failed)
                    .map(t -> "the rebuild of table " + t + " (copying its rows into the new shape)").orElse(failed);
        }
        StringBuilder msg = new StringBuilder("migration ").append(name).append(" failed at statement ")
                .append(ran.size() + 1).append(" of ").append(statements.size()).append(": ").append(failed)
                .append("\n  cause: ").append(cause);
        if (dialect.transactionalDdl()) {
            msg.append("\n  the migration was rolled back: the database is as it was before ").append(name);
        } else {
            msg.append("\n  ").append(dialect).append(" commits each DDL statement at once, so ")
                    .append(ran.isEmpty() ? "no statement had run yet." : "these statements already ran and stay applied:");
            ran.forEach(s -> msg.append("\n    ").append(s).append(';'));
            msg.append("\n  ").append(name).append(forward ? " is NOT recorded in " : " is still recorded as applied in ")
                    .append(HistoryTable.NAME);
            if (!ran.isEmpty()) {
                msg.append("; the failure is recorded in ").append(FailureLog.NAME).append(": run repair to undo")
                        .append(" the statements that ran, fix the cause, then migrate again");
            }
        }
        return new MigrationException(msg.toString(), e);
    }
}
