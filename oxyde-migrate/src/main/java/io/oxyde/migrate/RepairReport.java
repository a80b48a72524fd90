package io.oxyde.migrate;

import java.util.List;

/**
 * What {@link Migrator#repair} did.
 *
 * @param failedMigration the migration whose failed run was repaired (or forgotten), null if none was recorded
 * @param undone          the statements run to undo what the failed run left
 * @param realigned       applied migrations whose history checksum was brought up to date
 */
public record RepairReport(String failedMigration, List<String> undone, List<String> realigned) {
    public RepairReport {
        undone = List.copyOf(undone);
        realigned = List.copyOf(realigned);
    }

    /** Whether there was nothing to repair. */
    public boolean nothingToDo() {
        return failedMigration == null && realigned.isEmpty();
    }
}
