package io.oxyde.migrate;

import io.oxyde.migrate.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.oxyde.exception.MigrationException;

/** Writes migrations as pretty-printed {@code NNNN_name.json} files. */
public final class MigrationWriter {
    private MigrationWriter() {
    }

    /** Writes {@code migration} into {@code dir} (created if needed); refuses to overwrite. Returns the file. */
    public static Path write(Path dir, Migration migration) {
        Path file = dir.resolve(migration.name() + ".json");
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                throw new MigrationException("migration file " + file + " already exists");
            }
            Files.writeString(file, toJson(migration) + "\n");
            return file;
        } catch (IOException e) {
            throw new MigrationException("cannot write migration file " + file, e);
        }
    }

    /** The file content of a migration. */
    public static String toJson(Migration migration) {
        try {
            return Json.FILES.writeValueAsString(migration);
        } catch (IOException e) {
            throw new MigrationException("cannot serialise migration " + migration.name(), e);
        }
    }
}
