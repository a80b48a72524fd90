package io.oxyde.migration;

import io.oxyde.migrate.RenameSuggestion;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link Migrations#makeMigrations(io.oxyde.migrate.Schema, java.nio.file.Path, MigrationOptions)}
 * writes the next migration. A dropped and an added column that look alike could be a rename; since
 * guessing wrong loses data, such a pair must be answered: confirmed in {@code renames} (a rename
 * is generated) or waved through with {@code acceptDrops} (drop + add, the old values are lost).
 *
 * @param name        short migration name (null: {@code initial} / {@code auto})
 * @param dryRun      compute and return the migration without writing the file
 * @param renames     confirmed renames (each as {@link Migrations#renameSuggestions} returned it, or built
 *                    with {@link RenameSuggestion#RenameSuggestion})
 * @param acceptDrops treat every unanswered suggestion as a real drop + add
 */
public record MigrationOptions(String name, boolean dryRun, List<RenameSuggestion> renames, boolean acceptDrops) {

    public MigrationOptions {
        renames = renames == null ? List.of() : List.copyOf(renames);
    }

    /** Options with no renames confirmed and drops not accepted. */
    public static MigrationOptions of(String name, boolean dryRun) {
        return new MigrationOptions(name, dryRun, List.of(), false);
    }

    /** These options plus one confirmed rename. */
    public MigrationOptions withRename(RenameSuggestion rename) {
        List<RenameSuggestion> list = new ArrayList<>(renames);
        list.add(rename);
        return new MigrationOptions(name, dryRun, list, acceptDrops);
    }

    /** These options with {@code acceptDrops} set. */
    public MigrationOptions withAcceptDrops(boolean accept) {
        return new MigrationOptions(name, dryRun, renames, accept);
    }
}
