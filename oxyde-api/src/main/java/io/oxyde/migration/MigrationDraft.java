package io.oxyde.migration;

import io.oxyde.migrate.Migration;
import java.nio.file.Path;

/**
 * The migration {@link Migrations#makeMigrations} generated: the migration itself, the file it was
 * (or, in a dry run, would be) written to, and whether it was written.
 *
 * @param migration the generated migration (operations + snapshot)
 * @param file      {@code <dir>/<name>.json}
 * @param written   false for a dry run
 */
public record MigrationDraft(Migration migration, Path file, boolean written) {
}
