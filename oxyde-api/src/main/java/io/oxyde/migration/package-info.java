/**
 * Migrations from models: {@link io.oxyde.migration.Migrations} diffs the mapped models against
 * the latest migration snapshot and writes the next migration ({@link io.oxyde.migration.MigrationDraft}),
 * with {@link io.oxyde.migration.MigrationOptions} for names, dry runs, renames and drops. Applying,
 * rolling back and inspecting migrations is {@code io.oxyde.migrate.Migrator}, which needs only JDBC.
 */
package io.oxyde.migration;
