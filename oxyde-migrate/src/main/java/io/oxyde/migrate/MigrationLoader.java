package io.oxyde.migrate;

import io.oxyde.migrate.internal.ClasspathFiles;
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
import io.oxyde.exception.MigrationException;

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

    /** Prefix of a location on the classpath, as in {@code classpath:db/oxyde}. */
    public static final String CLASSPATH = "classpath:";

    /** All migrations of {@code dir} in order; an absent directory has none. Works for any file system (e.g. a zipfs path into a jar). */
    public static List<Migration> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<ClasspathFiles.File> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                files.add(new ClasspathFiles.File(p.getFileName().toString(), Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new MigrationException("cannot read migration directory " + dir + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(ClasspathFiles.File::name));
        return check(files, dir.toString());
    }

    /**
     * All migrations of {@code location}: {@code classpath:db/oxyde} (through the thread's context class
     * loader, see {@link #fromClasspath}) or a directory path.
     */
    public static List<Migration> load(String location) {
        if (location.startsWith(CLASSPATH)) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return fromClasspath(location.substring(CLASSPATH.length()),
                    loader != null ? loader : MigrationLoader.class.getClassLoader());
        }
        return load(Path.of(location));
    }

    /**
     * All migrations in the classpath folder {@code location} (e.g. {@code db/oxyde}), from a directory or
     * from inside a jar, so a packaged application migrates at start-up. A location that no classpath
     * entry has is an error (a packaging mistake should not look like "nothing to migrate").
     */
    public static List<Migration> fromClasspath(String location, ClassLoader loader) {
        return check(ClasspathFiles.list(location, loader), CLASSPATH + location);
    }

    private static List<Migration> check(List<ClasspathFiles.File> files, String where) {
        List<Migration> out = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (ClasspathFiles.File file : files) {
            String fileName = file.name();
            String shown = where + "/" + fileName;
            Matcher m = FILE.matcher(fileName);
            if (!m.matches()) {
                throw new MigrationException("migration file " + shown + " is not named NNNN_name.json");
            }
            Migration migration;
            try {
                migration = Json.FILES.readValue(file.content(), Migration.class);
            } catch (IOException e) {
                throw new MigrationException("cannot read migration file " + shown + ": " + e.getMessage(), e);
            }
            String expected = fileName.substring(0, fileName.length() - ".json".length());
            if (!expected.equals(migration.name())) {
                throw new MigrationException("migration file " + shown + " says its name is " + migration.name()
                        + ", expected " + expected);
            }
            if (!numbers.add(Integer.parseInt(m.group(1)))) {
                throw new MigrationException("two migration files in " + where + " have number " + m.group(1));
            }
            for (String dep : migration.dependencies()) {
                if (!names.contains(dep)) {
                    throw new MigrationException("migration " + migration.name() + " depends on " + dep
                            + ", which is not an earlier migration in " + where);
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
