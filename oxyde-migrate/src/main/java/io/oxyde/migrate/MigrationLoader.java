package io.oxyde.migrate;

import io.oxyde.migrate.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code NNNN_name.json} files of a migration directory in number order and checks they
 * form one line of history (unique numbers, names matching files, dependencies on earlier files).
 */
public final class MigrationLoader {
    /** Where migrations live by default, relative to the project root. */
    public static final Path DEFAULT_DIRECTORY = Path.of("src", "main", "resources", "db", "oxyde");

    private static final Pattern FILE = Pattern.compile("(\\d{4,})_([A-Za-z0-9_]+)\\.json");

    private MigrationLoader() {
    }

    /** All migrations of {@code dir} in order; an absent directory has none. */
    public static List<Migration> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new MigrationException("cannot list migration directory " + dir, e);
        }
        List<Migration> out = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            Matcher m = FILE.matcher(fileName);
            if (!m.matches()) {
                throw new MigrationException("migration file " + file + " is not named NNNN_name.json");
            }
            Migration migration;
            try {
                migration = Json.FILES.readValue(file.toFile(), Migration.class);
            } catch (IOException e) {
                throw new MigrationException("cannot read migration file " + file + ": " + e.getMessage(), e);
            }
            String expected = fileName.substring(0, fileName.length() - ".json".length());
            if (!expected.equals(migration.name())) {
                throw new MigrationException("migration file " + file + " says its name is " + migration.name()
                        + ", expected " + expected);
            }
            if (!numbers.add(Integer.parseInt(m.group(1)))) {
                throw new MigrationException("two migration files in " + dir + " have number " + m.group(1));
            }
            for (String dep : migration.dependencies()) {
                if (!names.contains(dep)) {
                    throw new MigrationException("migration " + migration.name() + " depends on " + dep
                            + ", which is not an earlier migration in " + dir);
                }
            }
            names.add(migration.name());
            out.add(migration);
        }
        return out;
    }

    /** The number prefix of a migration name. */
    public static int numberOf(String name) {
        int underscore = name.indexOf('_');
        try {
            return Integer.parseInt(underscore < 0 ? name : name.substring(0, underscore));
        } catch (NumberFormatException e) {
            throw new MigrationException("migration name " + name + " does not start with a number");
        }
    }
}
