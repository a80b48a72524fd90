package io.oxyde.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.io.TempDir;
import io.oxyde.dialect.Dialect;

/**
 * Migrations packaged in a jar (built here with java.util.jar): loaded as {@code classpath:db/oxyde}
 * through a class loader, and as a zipfs {@link Path} into the jar, then applied and rolled back.
 */
class ClasspathMigrationTest {
    @TempDir
    Path tmp;

    /** Writes the files of {@code dir} into a jar under {@code db/oxyde/}, with directory entries as build tools do. */
    private static Path jar(Path dir, Path jar) throws Exception {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("db/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("db/oxyde/"));
            out.closeEntry();
            for (Path p : Files.list(dir).sorted().toList()) {
                out.putNextEntry(new JarEntry("db/oxyde/" + p.getFileName()));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("db/oxyde/nested/ignored.txt"));
            out.closeEntry();
        }
        return jar;
    }

    private static Path writeMigrations(Path dir) {
        Migrator.makeMigrations(Library.v1(), dir, "v1", false).orElseThrow();
        TableDefinition author = Library.author().withColumn(ColumnDefinition.nullable("country", ColumnType.varchar(40)));
        Migrator.makeMigrations(Schema.of(author, Library.book(), Library.bookTag(), Library.category(), Library.tag()),
                dir, "country", false).orElseThrow();
        return dir;
    }

    @AllDatabases
    void migratesFromAJarOnTheClasspathAndFromAPathInsideIt(TestDatabase db) throws Exception {
        Path dir = writeMigrations(tmp.resolve("src"));
        Path jar = jar(dir, tmp.resolve("app.jar"));
        List<Migration> onDisk = MigrationLoader.load(dir);
        Dialect dialect = MigrationFixture.dialect(db);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             FileSystem zip = FileSystems.newFileSystem(jar);
             MigrationFixture f = new MigrationFixture(db, tmp.resolve("unused"))) {
            assertThat(MigrationLoader.fromClasspath("db/oxyde", loader)).isEqualTo(onDisk);
            assertThat(MigrationLoader.load(zip.getPath("db/oxyde"))).isEqualTo(onDisk);

            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            Migrator fromClasspath;
            try {
                fromClasspath = new Migrator(db::connect, dialect, "classpath:db/oxyde");
                assertThat(fromClasspath.migrate("0001_v1").applied()).containsExactly("0001_v1");
            } finally {
                thread.setContextClassLoader(previous);
            }
            Library.seed(f.connection);
            Map<String, Fingerprint> before = Library.fingerprints(f.connection);

            Migrator fromZipPath = new Migrator(db::connect, dialect, zip.getPath("db/oxyde"));
            assertThat(fromZipPath.migrate().applied()).containsExactly("0002_country");
            assertThat(f.live.columns("author")).containsKey("country");
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);
            assertThat(fromZipPath.status()).extracting(MigrationStatus::applied).containsExactly(true, true);

            assertThat(new Migrator(db::connect, dialect, MigrationLoader.fromClasspath("db/oxyde", loader))
                    .migrate(Migrator.ZERO).rolledBack()).containsExactly("0002_country", "0001_v1");
            assertThat(f.live.tables()).isEmpty();
        }
    }

    @AllDatabases
    void aLocationMissingFromTheClasspathIsAnErrorNotAnEmptyHistory(TestDatabase db) throws Exception {
        Path jar = jar(writeMigrations(tmp.resolve("src")), tmp.resolve("app.jar"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> MigrationLoader.fromClasspath("db/migrations", loader))
                    .hasMessageContaining("no migrations on the classpath at db/migrations");
            Migrator migrator = new Migrator(db::connect, MigrationFixture.dialect(db),
                    MigrationLoader.fromClasspath("/db/oxyde/", loader));
            assertThat(migrator.status()).extracting(MigrationStatus::name).containsExactly("0001_v1", "0002_country");
        }
    }
}
