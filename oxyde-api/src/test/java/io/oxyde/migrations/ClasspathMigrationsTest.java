package io.oxyde.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.migration.Migrations;
import io.oxyde.chinook.ChinookData;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** A packaged application's start-up: migrations inside its jar, as classpath:db/oxyde and as a Path into the jar. */
class ClasspathMigrationsTest {

    @AllDatabases
    void migratesFromInsideAJar(TestDatabase db) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-cp");
        Migrations.makeMigrations(ChinookData.MODELS, dir, null, false).orElseThrow();
        Path jar = dir.resolveSibling(dir.getFileName() + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/oxyde/"));
            out.putNextEntry(new JarEntry("db/oxyde/0001_initial.json"));
            out.write(Files.readAllBytes(dir.resolve("0001_initial.json")));
            out.closeEntry();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader app = new URLClassLoader(new URL[] {jar.toUri().toURL()}, previous);
             FileSystem zip = FileSystems.newFileSystem(jar)) {
            thread.setContextClassLoader(app);
            assertThat(Migrations.migrate(db.oxydeUrl(), "classpath:db/oxyde").applied()).containsExactly("0001_initial");
            assertThat(Migrations.status(db.oxydeUrl(), zip.getPath("db", "oxyde")).get(0).applied()).isTrue();
            assertThat(Migrations.rollback(db.oxydeUrl(), zip.getPath("db", "oxyde"), "zero").rolledBack())
                    .containsExactly("0001_initial");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
