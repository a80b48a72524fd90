package io.oxyde.migrate.internal;

import io.oxyde.migrate.Migration;
import io.oxyde.exception.MigrationException;
import io.oxyde.migrate.MigrationLoader;
import io.oxyde.migrate.MigrationOperation;
import io.oxyde.migrate.MigrationWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * squashmigrations: replaces the first migrations of a directory, up to one, by a single migration
 * whose operations are theirs in order (nothing is re-derived, so renames, raw SQL and Java steps are
 * kept) and whose {@code replaces} lists them. It takes the number of the last one, so later files keep
 * their numbers; the next file's dependency is rewritten (dependencies are not checksummed).
 */
public final class Squash {
    private Squash() {
    }

    /** Squashes the migrations of {@code dir} up to and including {@code through}; returns the new migration. */
    public static Migration run(Path dir, String through, String name) {
        List<Migration> all = MigrationLoader.load(dir);
        int last = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(through)) {
                last = i;
            }
        }
        if (last < 0) {
            throw new MigrationException("no migration named " + through + " in " + dir);
        }
        if (last == 0) {
            throw new MigrationException("nothing to squash: " + through + " is the first migration");
        }
        List<Migration> replaced = all.subList(0, last + 1);
        List<MigrationOperation> ops = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Migration m : replaced) {
            if (!m.replaces().isEmpty()) {
                throw new MigrationException("cannot squash " + m.name() + " again: it is itself a squashed migration");
            }
            ops.addAll(m.operations());
            names.add(m.name());
        }
        Migration end = replaced.get(replaced.size() - 1);
        String label = name == null || name.isBlank() ? "through_" + end.name() : name.replaceAll("[^A-Za-z0-9_]", "_");
        Migration squashed = new Migration(String.format("%04d_squashed_%s", end.number(), label), List.of(), null, ops,
                end.snapshot(), names);
        try {
            for (Migration m : replaced) {
                Files.delete(dir.resolve(m.name() + ".json"));
            }
            MigrationWriter.write(dir, squashed);
            if (last + 1 < all.size()) {
                Migration next = all.get(last + 1);
                Files.delete(dir.resolve(next.name() + ".json"));
                MigrationWriter.write(dir, next.withDependencies(List.of(squashed.name())));
            }
        } catch (IOException e) {
            throw new MigrationException("cannot rewrite the migrations of " + dir + ": " + e.getMessage(), e);
        }
        return squashed;
    }
}
