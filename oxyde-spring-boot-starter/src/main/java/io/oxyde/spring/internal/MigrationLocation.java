package io.oxyde.spring.internal;

import io.oxyde.migrate.MigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Turns {@code oxyde.migrations.location} into a directory the migrator reads. A
 * {@code classpath:} location is resolved by Spring (in a directory or inside a jar) and its
 * {@code *.json} files are copied to a temporary directory, because the migrate module reads
 * migration files from a filesystem directory; any other location is a filesystem path
 * ({@code file:} prefix optional).
 */
public final class MigrationLocation implements AutoCloseable {

    private final Path directory;
    private final boolean temporary;

    private MigrationLocation(Path directory, boolean temporary) {
        this.directory = directory;
        this.temporary = temporary;
    }

    public static MigrationLocation resolve(String location, ResourcePatternResolver resources) {
        String loc = location.trim();
        if (loc.startsWith("classpath:") || loc.startsWith("classpath*:")) {
            String path = loc.substring(loc.indexOf(':') + 1).replaceAll("^/+", "").replaceAll("/+$", "");
            return fromClasspath(loc, path, resources);
        }
        Path dir = Path.of(loc.startsWith("file:") ? loc.substring("file:".length()) : loc);
        if (!Files.isDirectory(dir)) {
            throw new MigrationException("oxyde.migrations.location " + location + " is not a directory ("
                    + dir.toAbsolutePath() + ")");
        }
        return new MigrationLocation(dir, false);
    }

    private static MigrationLocation fromClasspath(String location, String path, ResourcePatternResolver resources) {
        try {
            Resource[] files = resources.getResources("classpath*:" + path + "/*.json");
            if (files.length == 0) {
                throw new MigrationException("oxyde.migrations.location " + location + " has no migration files "
                        + "(NNNN_name.json) on the classpath");
            }
            Path dir = Files.createTempDirectory("oxyde-migrations-");
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, dir.resolve(file.getFilename()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return new MigrationLocation(dir, true);
        } catch (IOException e) {
            throw new MigrationException("cannot read the migrations at " + location + ": " + e.getMessage(), e);
        }
    }

    /** The directory holding the migration files. */
    public Path directory() {
        return directory;
    }

    /** Deletes the temporary copy of classpath migrations. */
    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
