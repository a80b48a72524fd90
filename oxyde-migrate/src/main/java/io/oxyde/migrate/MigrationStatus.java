package io.oxyde.migrate;

/**
 * One migration as {@link Migrator#status()} sees it.
 *
 * @param name      migration name
 * @param applied   whether the history table records it
 * @param appliedAt when it was applied (as the database printed it), or null
 */
public record MigrationStatus(String name, boolean applied, String appliedAt) {
}
