package io.oxyde.migrate;

import java.util.List;

/**
 * What one {@link Migrator#migrate} call did.
 *
 * @param applied    migrations applied, in order
 * @param rolledBack migrations rolled back, in order
 * @param fake       whether only the history was changed (no DDL ran)
 */
public record MigrationRun(List<String> applied, List<String> rolledBack, boolean fake) {
    public MigrationRun {
        applied = List.copyOf(applied);
        rolledBack = List.copyOf(rolledBack);
    }
}
