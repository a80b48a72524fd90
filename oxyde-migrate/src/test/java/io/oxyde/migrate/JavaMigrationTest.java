package io.oxyde.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.migrate.MigrationOperation.AddColumn;
import io.oxyde.migrate.MigrationOperation.RawSql;
import io.oxyde.migrate.MigrationOperation.RunJava;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import io.oxyde.dialect.Dialect;

/**
 * Data migrations on every database: a {@link JavaMigration} run forwards and backwards inside a
 * migration started with {@link Migrator#makeEmptyMigration}, raw SQL limited to one dialect, and a
 * failing Java step.
 */
class JavaMigrationTest {
    @TempDir
    Path tmp;

    /** Rewrites an empty migration file with {@code ops} (what a person does by hand after --empty). */
    private static void fill(Path dir, Migration empty, List<MigrationOperation> ops) throws Exception {
        Files.delete(dir.resolve(empty.name() + ".json"));
        MigrationWriter.write(dir, Migration.of(empty.name(), empty.dependencies(), ops, empty.snapshot()));
    }

    private static AddColumn originalName() {
        return new AddColumn("author", ColumnDefinition.nullable("original_name", ColumnType.varchar(80)));
    }

    @AllDatabases
    void javaDataMigrationRunsForwardsAndBackwards(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("java"))) {
            Map<String, Fingerprint> before = Library.fingerprints(f.connection);
            Migration empty = Migrator.makeEmptyMigration(f.dir, "uppercase_authors");
            assertThat(empty.name()).isEqualTo("0002_uppercase_authors");
            assertThat(empty.operations()).isEmpty();
            assertThat(empty.snapshot()).isEqualTo(MigrationLoader.load(f.dir).get(0).snapshot());
            fill(f.dir, empty, List.of(originalName(), RunJava.of(UppercaseAuthors.class),
                    new RawSql(List.of("CREATE TABLE only_pg (id INTEGER)"), List.of("DROP TABLE only_pg")).on(Dialect.POSTGRES),
                    new RawSql(List.of("CREATE TABLE only_maria (id INTEGER)"), List.of("DROP TABLE only_maria")).on(Dialect.MARIADB),
                    new RawSql(List.of("CREATE TABLE only_sqlite (id INTEGER)"), List.of("DROP TABLE only_sqlite")).on(Dialect.SQLITE)));
            assertThat(Migrator.sql(MigrationLoader.load(f.dir), "0002_uppercase_authors", MigrationFixture.dialect(db)))
                    .contains("-- oxyde:java forward io.oxyde.migrate.UppercaseAuthors");

            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= Library.AUTHORS; i++) {
                expected.add(i + "|AUTHOR " + i + "|author " + i);
            }
            for (int round = 0; round < 2; round++) {
                assertThat(f.migrator.migrate().applied()).containsExactly("0002_uppercase_authors");
                assertThat(f.rows("SELECT id, name, original_name FROM author ORDER BY id")).isEqualTo(expected);
                String mine = switch (db.kind()) {
                    case POSTGRES -> "only_pg";
                    case MARIADB -> "only_maria";
                    case SQLITE -> "only_sqlite";
                };
                assertThat(f.live.tables()).contains(mine).doesNotContainAnyElementsOf(
                        List.of("only_pg", "only_maria", "only_sqlite").stream().filter(t -> !t.equals(mine)).toList());

                f.rollbackTo("0001_v1");
                assertThat(Library.fingerprints(f.connection)).as("backward restored the names").isEqualTo(before);
                assertThat(f.live.columns("author")).doesNotContainKey("original_name");
                assertThat(f.live.tables()).doesNotContain(mine);
            }
        }
    }

    @AllDatabases
    void aFailingJavaStepFailsTheMigration(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("failing"))) {
            Map<String, Fingerprint> before = Library.fingerprints(f.connection);
            Migration empty = Migrator.makeEmptyMigration(f.dir, "failing");
            fill(f.dir, empty, List.of(originalName(), RunJava.of(UppercaseAuthors.Failing.class)));
            assertThatThrownBy(f.migrator::migrate).hasMessageContaining("0002_failing")
                    .hasMessageContaining("forward io.oxyde.migrate.UppercaseAuthors$Failing")
                    .hasMessageContaining("backfill refused row 7");
            assertThat(f.migrator.status().get(1).applied()).isFalse();
            if (db.kind() == DatabaseKind.MARIADB) {
                // DDL commits at once: the added column stays, and so do the rows the Java step changed
                assertThat(f.live.columns("author")).containsKey("original_name");
                // the Java step's own changes are the data migration's to undo; repair undoes the completed DDL
                f.exec("UPDATE author SET name = original_name");
                assertThat(f.migrator.repair(false).undone()).containsExactly("ALTER TABLE `author` DROP COLUMN `original_name`");
            } else {
                assertThat(f.live.columns("author")).doesNotContainKey("original_name");
            }
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);

            Files.delete(f.dir.resolve("0002_failing.json"));
            Migration missing = Migrator.makeEmptyMigration(f.dir, "missing");
            fill(f.dir, missing, List.of(new RunJava("com.example.NoSuchMigration", null)));
            assertThatThrownBy(f.migrator::migrate).hasMessageContaining("com.example.NoSuchMigration is not on the classpath");
            Files.delete(f.dir.resolve("0002_missing.json"));
        }
    }
}
