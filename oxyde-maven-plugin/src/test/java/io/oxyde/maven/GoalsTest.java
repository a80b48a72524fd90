package io.oxyde.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/**
 * The four goals run for real on a sample project (a temporary project directory whose
 * compiled models are this module's test classes), configured as Maven would from the POM.
 */
class GoalsTest {

    private static final String TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath().toString();

    /** The build log, captured. */
    private static final class Log extends SystemStreamLog {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add(content.toString());
        }

        @Override
        public void error(CharSequence content) {
            lines.add("ERROR " + content);
        }

        String text() {
            return String.join("\n", lines);
        }
    }

    private final Log log = new Log();

    private <M extends AbstractOxydeMojo> M configured(M mojo, Path project, String url) throws Exception {
        set(mojo, "basedir", project.toFile());
        set(mojo, "dir", project.resolve("src/main/resources/db/oxyde").toFile());
        set(mojo, "url", url);
        set(mojo, "packages", List.of("io.oxyde.maven.models"));
        mojo.setLog(log);
        return mojo;
    }

    private static void set(Object target, String field, Object value) throws Exception {
        for (Class<?> c = target.getClass(); c != AbstractMojo.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                f.setAccessible(true);
                f.set(target, value);
                return;
            } catch (NoSuchFieldException next) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(field);
    }

    @AllDatabases
    void makeMigrationsSqlMigrateMigrateAndShowMigrations(TestDatabase db) throws Exception {
        Path project = Files.createTempDirectory("oxyde-maven-project");
        MakeMigrationsMojo make = configured(new MakeMigrationsMojo(), project, null);
        set(make, "classpathElements", List.of(TEST_CLASSES));
        make.execute();
        assertThat(project.resolve("src/main/resources/db/oxyde/0001_initial.json")).exists();
        assertThat(log.text()).contains("0001_initial.json", "Create table author");

        SqlMigrateMojo sql = configured(new SqlMigrateMojo(), project, null);
        set(sql, "migration", "0001_initial");
        set(sql, "dialect", "postgresql");
        sql.execute();
        assertThat(log.text()).contains("CREATE TABLE \"author\"");

        ShowMigrationsMojo show = configured(new ShowMigrationsMojo(), project, db.oxydeUrl());
        show.execute();
        assertThat(log.text()).contains("[ ] 0001_initial");

        configured(new MigrateMojo(), project, db.oxydeUrl()).execute();
        assertThat(log.text()).contains("Applied 0001_initial");
        try (Connection c = db.connect()) {
            assertThat(c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "author", null).next()).isTrue();
        }
        log.lines.clear();
        show.execute();
        assertThat(log.text()).contains("[X] 0001_initial");

        MigrateMojo zero = configured(new MigrateMojo(), project, db.oxydeUrl());
        set(zero, "target", "zero");
        zero.execute();
        assertThat(log.text()).contains("Rolled back 0001_initial");

        log.lines.clear();
        make.execute();
        assertThat(log.text()).as("models unchanged since the migration").contains("No changes detected");
    }

    @Test
    void mistakesFailTheBuildWithTheCommandsMessage() throws Exception {
        Path project = Files.createTempDirectory("oxyde-maven-project");
        SqlMigrateMojo noName = configured(new SqlMigrateMojo(), project, null);
        assertThatThrownBy(noName::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("-Doxyde.migration=");

        SqlMigrateMojo unknown = configured(new SqlMigrateMojo(), project, null);
        set(unknown, "migration", "0009_missing");
        set(unknown, "dialect", "sqlite");
        assertThatThrownBy(unknown::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("oxyde sqlmigrate failed").hasMessageContaining("0009_missing");

        ShowMigrationsMojo noUrl = configured(new ShowMigrationsMojo(), project, null);
        assertThatThrownBy(noUrl::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("invalid configuration").hasMessageContaining("no database URL");

        MigrateMojo skipped = configured(new MigrateMojo(), project, null);
        set(skipped, "skip", true);
        skipped.execute();
        assertThat(log.text()).contains("oxyde: skipped");
    }

    @Test
    void thePluginDescriptorOffersTheFourGoalsAndTheirPomParameters() throws Exception {
        String descriptor = Files.readString(Path.of("target/classes/META-INF/maven/plugin.xml"));
        assertThat(descriptor).contains("<goalPrefix>oxyde</goalPrefix>", "<goal>makemigrations</goal>",
                "<goal>migrate</goal>", "<goal>showmigrations</goal>", "<goal>sqlmigrate</goal>",
                "<name>url</name>", "<name>packages</name>", "<name>renames</name>", "<name>target</name>");
        assertThat(new File(TEST_CLASSES, "io/oxyde/maven/models/Author.class")).exists();
    }
}
