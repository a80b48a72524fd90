package io.oxyde.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import io.oxyde.dialect.Dialect;

/**
 * Changes that SQLite does by rebuilding the table, on every database: identity counters survive,
 * one rebuild per table per migration, SQL printed by sqlmigrate is safe to run by hand, and a
 * failed change names the constraint and the offending value.
 */
class RebuildMigrationTest {
    @TempDir
    Path tmp;

    /** Three changes to book (wider title, a check, a unique pair): each a rebuild on SQLite. */
    private static Schema v2() {
        TableDefinition book = Library.book().mapColumn("title", c -> c.withType(ColumnType.varchar(300)))
                .withCheck(CheckDefinition.of("ck_book_title", "title <> ''"))
                .withUnique(UniqueDefinition.of("uq_book_title_author", "title", "author_id"));
        return Schema.of(Library.author(), book, Library.bookTag(), Library.category(), Library.tag());
    }

    private static long insertBook(MigrationFixture f, String title) throws SQLException {
        f.exec("INSERT INTO book (title, author_id) VALUES ('" + title + "', 1)");
        return Long.parseLong(f.rows("SELECT MAX(id) FROM book").get(0));
    }

    private static long rebuildsOfBook(List<String> sql) {
        return sql.stream().filter(s -> s.startsWith("CREATE TABLE \"_oxyde_new_book\"")).count();
    }

    @AllDatabases
    void identityCounterSurvivesAndEachTableIsRebuiltOnce(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("counter"))) {
            f.exec("DELETE FROM book WHERE id IN (399, 400)");
            Map<String, Fingerprint> before = Library.fingerprints(f.connection);
            assertThat(before.get("book").rows()).isEqualTo(Library.BOOKS - 2);
            assertThat(before.get("book_tag").rows()).as("links of the deleted books cascade").isEqualTo(Library.BOOK_TAGS - 4);
            Migrator.makeMigrations(v2(), f.dir, "v2", false).orElseThrow();
            List<Migration> all = MigrationLoader.load(f.dir);
            if (db.kind() == DatabaseKind.SQLITE) {
                assertThat(rebuildsOfBook(Migrator.sql(all, "0002_v2", Dialect.SQLITE))).isEqualTo(1);
                assertThat(rebuildsOfBook(Migrator.rollbackSql(all, "0002_v2", Dialect.SQLITE))).isEqualTo(1);
            }

            assertThat(f.migrator.migrate().applied()).containsExactly("0002_v2");
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);
            long first = insertBook(f, "after v2");
            assertThat(first).as("ids of deleted books are not handed out again").isEqualTo(401);
            assertThat(f.live.succeeds("INSERT INTO book (title, author_id) VALUES ('book 1', 2)")).as("unique").isFalse();
            assertThat(f.live.succeeds("INSERT INTO book (title, author_id) VALUES ('', 1)")).as("check").isFalse();
            f.exec("DELETE FROM book WHERE id = " + first);

            f.rollbackTo("0001_v1");
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);
            long second = insertBook(f, "after rollback");
            assertThat(second).isGreaterThan(first);
            f.exec("DELETE FROM book WHERE id = " + second);

            assertThat(f.migrator.migrate().applied()).containsExactly("0002_v2");
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);
            assertThat(insertBook(f, "again")).isGreaterThan(second);
        }
    }

    @AllDatabases
    void printedSqlIsSafeToRunByHandWithForeignKeysOn(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("by-hand"))) {
            Map<String, Fingerprint> before = Library.fingerprints(f.connection);
            Migrator.makeMigrations(v2(), f.dir, "v2", false).orElseThrow();
            List<Migration> all = MigrationLoader.load(f.dir);
            Dialect dialect = MigrationFixture.dialect(db);
            if (db.kind() == DatabaseKind.SQLITE) {
                assertThat(f.rows("PRAGMA foreign_keys")).containsExactly("1");
            }

            runByHand(f, Migrator.sql(all, "0002_v2", dialect));
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);
            assertThat(f.migrator.migrate(null, true).applied()).containsExactly("0002_v2");
            assertThat(f.live.succeeds("INSERT INTO book (title, author_id) VALUES ('', 1)")).as("check applied").isFalse();

            runByHand(f, Migrator.rollbackSql(all, "0002_v2", dialect));
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);
            assertThat(f.migrator.migrate("0001_v1", true).rolledBack()).containsExactly("0002_v2");
            if (db.kind() == DatabaseKind.SQLITE) {
                assertThat(f.rows("PRAGMA foreign_keys")).as("the script turns foreign keys back on").containsExactly("1");
            }
        }
    }

    private static void runByHand(MigrationFixture f, List<String> script) throws SQLException {
        for (String statement : script) {
            if (!statement.startsWith("--")) {
                f.exec(statement);
            }
        }
    }

    @AllDatabases
    void failedChangeNamesTheConstraintAndTheValue(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("duplicate"))) {
            f.exec("UPDATE author SET name = 'Twin Name' WHERE id IN (7, 8)");
            Map<String, Fingerprint> before = Library.fingerprints(f.connection);
            TableDefinition author = Library.author().withUnique(UniqueDefinition.of("uq_author_name", "name"));
            Migrator.makeMigrations(Schema.of(author, Library.book(), Library.bookTag(), Library.category(), Library.tag()),
                    f.dir, "unique_name", false).orElseThrow();
            assertThatThrownBy(f.migrator::migrate).hasMessageContaining("0002_unique_name")
                    .hasMessageContaining("uq_author_name").hasMessageContaining("Twin Name")
                    .hasMessageNotContaining("_oxyde_new_");
            assertThat(f.migrator.status().get(1).applied()).isFalse();
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);
            java.nio.file.Files.delete(f.dir.resolve("0002_unique_name.json"));

            TableDefinition category = Library.category().mapColumn("parent_id", c -> c.withNullable(false));
            Migrator.makeMigrations(Schema.of(Library.author(), Library.book(), Library.bookTag(), category, Library.tag()),
                    f.dir, "parent_required", false).orElseThrow();
            var failure = assertThatThrownBy(f.migrator::migrate).hasMessageContaining("parent_id")
                    .hasMessageNotContaining("_oxyde_new_");
            if (db.kind() == DatabaseKind.SQLITE) {
                failure.hasMessageContaining("column category.parent_id cannot be NOT NULL: 3 rows of category hold NULL");
            }
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);
            java.nio.file.Files.delete(f.dir.resolve("0002_parent_required.json"));
        }
    }
}
