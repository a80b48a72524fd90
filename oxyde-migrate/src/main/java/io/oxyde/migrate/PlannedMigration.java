package io.oxyde.migrate;

import java.util.List;

/**
 * One migration that {@link Migrator#plan} would apply or roll back, with the statements it would run
 * (as {@code sqlmigrate} prints them).
 *
 * @param name       the migration
 * @param forward    true to apply it, false to roll it back
 * @param statements the statements, in order
 */
public record PlannedMigration(String name, boolean forward, List<String> statements) {
    public PlannedMigration {
        statements = List.copyOf(statements);
    }
}
