package io.oxyde.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renaming a table that has foreign keys and indexes, and renaming a foreign-key column whose
 * constraint and index names follow the column (as models name them): the generated migration
 * renders, applies, rolls back and re-applies on every database, the rows unchanged throughout.
 */
class RenameMigrationTest {
    @TempDir
    Path tmp;

    private static void assertCounts(Map<String, Fingerprint> fp) {
        assertThat(fp.get("author").rows()).isEqualTo(Library.AUTHORS);
        assertThat(fp.get("category").rows()).isEqualTo(Library.CATEGORIES);
        assertThat(fp.get("book").rows()).isEqualTo(Library.BOOKS);
        assertThat(fp.get("tag").rows()).isEqualTo(Library.TAGS);
        assertThat(fp.get("book_tag").rows()).isEqualTo(Library.BOOK_TAGS);
    }

    /** {@code category} becomes {@code section}; its self-reference and index are renamed with it. */
    static TableDefinition section() {
        return TableDefinition.named("section").renamedFrom("category")
                .withColumn(ColumnDefinition.of("id", ColumnType.bigint())).withColumn(ColumnDefinition.of("name", ColumnType.varchar(80)))
                .withColumn(ColumnDefinition.nullable("parent_id", ColumnType.bigint())).withPrimaryKey("id")
                .withForeignKey(ForeignKeyDefinition.of("fk_section_parent_id", "parent_id", "section", "id"))
                .withIndex(IndexDefinition.of("ix_section_parent_id", "parent_id"));
    }

    @AllDatabases
    void renamedTableWithForeignKeysAndIndexesMigratesAndRollsBack(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("rename-table"))) {
            Map<String, Fingerprint> before = Library.fingerprints(f.connection);
            assertCounts(before);
            TableDefinition book = Library.book().withForeignKeys(List.of(
                    ForeignKeyDefinition.of("fk_book_author_id", "author_id", "author", "id"),
                    ForeignKeyDefinition.of("fk_book_category_id", "category_id", "section", "id")));
            Migration v2 = Migrator.makeMigrations(Schema.of(Library.author(), book, Library.bookTag(), section(),
                    Library.tag()), f.dir, "v2", false).orElseThrow();
            assertThat(v2.operations()).contains(new MigrationOperation.RenameTable("category", "section"));
            assertThat(Migrator.sql(MigrationLoader.load(f.dir), "0002_v2", MigrationFixture.dialect(db))).isNotEmpty();
            assertThat(Migrator.rollbackSql(MigrationLoader.load(f.dir), "0002_v2", MigrationFixture.dialect(db))).isNotEmpty();

            for (int round = 0; round < 2; round++) {
                assertThat(f.migrator.migrate().applied()).containsExactly("0002_v2");
                assertThat(Library.fingerprints(f.connection, "section", "author_id")).isEqualTo(before);
                assertThat(f.live.tables()).contains("section").doesNotContain("category");
                assertThat(f.live.foreignKeys("section")).containsEntry("parent_id", "section");
                assertThat(f.live.foreignKeys("book")).containsEntry("category_id", "section");
                assertThat(f.live.indexes("section")).containsKey("ix_section_parent_id").doesNotContainKey("ix_category_parent_id");
                assertThat(f.live.succeeds("INSERT INTO section (id, name, parent_id) VALUES (900, 'x', 12345)")).isFalse();
                assertThat(f.live.succeeds("INSERT INTO book (title, author_id, category_id) VALUES ('x', 1, 12345)")).isFalse();

                f.rollbackTo("0001_v1");
                assertThat(Library.fingerprints(f.connection)).isEqualTo(before);
                assertThat(f.live.tables()).contains("category").doesNotContain("section");
                assertThat(f.live.foreignKeys("category")).containsEntry("parent_id", "category");
                assertThat(f.live.foreignKeys("book")).containsEntry("category_id", "category");
                assertThat(f.live.indexes("category")).containsKey("ix_category_parent_id");
                assertThat(f.live.succeeds("INSERT INTO category (id, name, parent_id) VALUES (900, 'x', 12345)")).isFalse();
            }
        }
    }

    @AllDatabases
    void renamedForeignKeyColumnMigratesAndRollsBack(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("rename-fk-column"))) {
            Map<String, Fingerprint> before = Library.fingerprints(f.connection);
            assertCounts(before);
            TableDefinition book = Library.book().mapColumn("author_id", c -> c.withName("writer_id").renamedFrom("author_id"))
                    .withForeignKeys(List.of(ForeignKeyDefinition.of("fk_book_writer_id", "writer_id", "author", "id"),
                            ForeignKeyDefinition.of("fk_book_category_id", "category_id", "category", "id")))
                    .withIndexes(List.of(IndexDefinition.of("ix_book_writer_id", "writer_id"), IndexDefinition.of("ix_book_category_id", "category_id")));
            Migration v2 = Migrator.makeMigrations(Schema.of(Library.author(), book, Library.bookTag(), Library.category(),
                    Library.tag()), f.dir, "v2", false).orElseThrow();
            assertThat(v2.operations()).contains(new MigrationOperation.RenameColumn("book", "author_id", "writer_id"));

            for (int round = 0; round < 2; round++) {
                assertThat(f.migrator.migrate().applied()).containsExactly("0002_v2");
                assertThat(Library.fingerprints(f.connection, "category", "writer_id")).isEqualTo(before);
                assertThat(f.live.foreignKeys("book")).containsEntry("writer_id", "author").doesNotContainKey("author_id");
                assertThat(f.live.indexes("book")).containsKey("ix_book_writer_id").doesNotContainKey("ix_book_author_id");
                assertThat(f.live.succeeds("INSERT INTO book (title, writer_id) VALUES ('orphan', 12345)")).isFalse();

                f.rollbackTo("0001_v1");
                assertThat(Library.fingerprints(f.connection)).isEqualTo(before);
                assertThat(f.live.foreignKeys("book")).containsEntry("author_id", "author").doesNotContainKey("writer_id");
                assertThat(f.live.indexes("book")).containsKey("ix_book_author_id").doesNotContainKey("ix_book_writer_id");
                assertThat(f.live.succeeds("INSERT INTO book (title, author_id) VALUES ('orphan', 12345)")).isFalse();
            }
        }
    }

    @AllDatabases
    void operationsThatDoNotFitTheSchemaNameTheMigrationNotAStatement(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("misfit"))) {
            f.handWrittenPending("misfit", List.of(new MigrationOperation.RenameTable("nope", "other")));
            assertThatThrownBy(f.migrator::migrate)
                    .hasMessageContaining("migration 0002_misfit cannot be applied")
                    .hasMessageContaining("table nope does not exist")
                    .hasMessageContaining("nothing was run")
                    .hasMessageNotContaining("of 0");
            Files.delete(f.dir.resolve("0002_misfit.json"));
        }
    }

    @AllDatabases
    void aFailedRollbackSaysTheMigrationIsStillApplied(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("failed-rollback"))) {
            f.handWritten("extra", List.of(new MigrationOperation.RawSql(
                    List.of("CREATE TABLE extra (id INTEGER PRIMARY KEY)"),
                    List.of("DROP TABLE extra", "DROP TABLE missing_table"))));
            String expected = db.kind() == DatabaseKind.MARIADB
                    ? "0002_extra is still recorded as applied in oxyde_migrations"
                    : "the migration was rolled back: the database is as it was before 0002_extra";
            assertThatThrownBy(() -> f.migrator.migrate("0001_v1")).hasMessageContaining(expected)
                    .hasMessageContaining("failed at statement 2 of 2: DROP TABLE missing_table");
            assertThat(f.migrator.status().get(1).applied()).isTrue();
            if (db.kind() == DatabaseKind.MARIADB) {
                f.exec("CREATE TABLE extra (id INTEGER PRIMARY KEY)");  // undo by hand what already ran
                assertThat(f.migrator.repair(true).failedMigration()).isEqualTo("0002_extra");
            }
            f.exec("CREATE TABLE missing_table (id INTEGER PRIMARY KEY)");  // lets the close() rollback finish
        }
    }
}
