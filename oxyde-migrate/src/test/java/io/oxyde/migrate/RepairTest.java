package io.oxyde.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.migrate.internal.Json;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * repair on every database: a migration that fails half-way (a unique constraint on duplicated data
 * after an added column) leaves the column behind on MariaDB only; migrate then refuses until repair
 * undoes it; elsewhere there is nothing to repair. Old operations-only checksums are realigned.
 */
class RepairTest {
    @TempDir
    Path tmp;

    @AllDatabases
    void aHalfAppliedMigrationIsUndoneByRepair(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("repair"))) {
            f.exec("UPDATE author SET name = 'Twin' WHERE id IN (3, 4)");
            Map<String, Fingerprint> before = Library.fingerprints(f.connection);
            TableDefinition author = Library.author().withColumn(ColumnDefinition.nullable("nickname", ColumnType.varchar(40)))
                    .withUnique(UniqueDefinition.of("uq_author_name", "name"));
            Migration m = Migrator.makeMigrations(Schema.of(author, Library.book(), Library.bookTag(), Library.category(),
                    Library.tag()), f.dir, "nickname", false).orElseThrow();
            assertThat(m.operations()).hasSize(2);
            boolean mariaDb = db.kind() == DatabaseKind.MARIADB;

            assertThatThrownBy(f.migrator::migrate).hasMessageContaining("uq_author_name")
                    .hasMessageContaining(mariaDb ? "run repair" : "rolled back");
            assertThat(f.migrator.status().get(1).applied()).isFalse();
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);
            assertThat(f.live.columns("author").containsKey("nickname")).as("left behind").isEqualTo(mariaDb);
            if (mariaDb) {
                assertThatThrownBy(f.migrator::migrate).hasMessageContaining("0002_nickname failed while being applied")
                        .hasMessageContaining("ADD COLUMN `nickname`").hasMessageContaining("run repair");
            }

            RepairReport report = f.migrator.repair(false);
            if (mariaDb) {
                assertThat(report.failedMigration()).isEqualTo("0002_nickname");
                assertThat(report.undone()).containsExactly("ALTER TABLE `author` DROP COLUMN `nickname`");
            } else {
                assertThat(report.nothingToDo()).isTrue();
            }
            assertThat(f.live.columns("author")).doesNotContainKey("nickname");
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);
            assertThat(f.migrator.repair(false).nothingToDo()).isTrue();

            f.exec("UPDATE author SET name = 'author 4' WHERE id = 4");
            assertThat(f.migrator.migrate().applied()).containsExactly("0002_nickname");
            assertThat(f.live.columns("author")).containsKey("nickname");
            assertThat(f.live.succeeds("INSERT INTO author (id, name) VALUES (999, 'Twin')")).isFalse();
            f.rollbackTo("0001_v1");
            assertThat(f.live.columns("author")).doesNotContainKey("nickname");
        }
    }

    @AllDatabases
    void forgetDropsTheRecordWhenTheDatabaseWasFixedByHand(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("forget"))) {
            f.handWrittenPending("two_steps", List.of(new MigrationOperation.RawSql(
                    List.of("CREATE TABLE scratch (id INTEGER PRIMARY KEY)", "INSERT INTO missing_table VALUES (1)"),
                    List.of("DROP TABLE scratch"))));
            assertThatThrownBy(f.migrator::migrate).hasMessageContaining("missing_table");
            if (db.kind() == DatabaseKind.MARIADB) {
                // a RawSql that stopped half-way cannot be undone automatically: repair says what to do
                assertThatThrownBy(() -> f.migrator.repair(false)).hasMessageContaining("undo those statements by hand")
                        .hasMessageContaining("CREATE TABLE scratch");
                f.exec("DROP TABLE scratch");
                assertThat(f.migrator.repair(true).failedMigration()).isEqualTo("0002_two_steps");
            }
            assertThat(f.live.tables()).doesNotContain("scratch");
            assertThat(f.migrator.repair(true).nothingToDo()).isTrue();
            java.nio.file.Files.delete(f.dir.resolve("0002_two_steps.json"));
        }
    }

    @AllDatabases
    void operationsOnlyChecksumsOfOlderVersionsAreRealigned(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("legacy"))) {
            Migration v1 = MigrationLoader.load(f.dir).get(0);
            f.exec("UPDATE oxyde_migrations SET checksum = '" + Json.operationsChecksum(v1.operations()) + "'");
            assertThatThrownBy(f.migrator::status).hasMessageContaining("checksum covered only the operations")
                    .hasMessageContaining("run repair");
            RepairReport report = f.migrator.repair(false);
            assertThat(report.realigned()).containsExactly("0001_v1");
            assertThat(f.rows("SELECT checksum FROM oxyde_migrations")).containsExactly(v1.checksum());
            assertThat(f.migrator.status()).extracting(MigrationStatus::applied).containsExactly(true);
        }
    }

    @AllDatabases
    void repairPutsBackAForeignKeyAndIndexThatAFailedRunDropped(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("fk"))) {
            Map<String, Fingerprint> before = Library.fingerprints(f.connection);
            TableDefinition book = Library.book();
            f.handWrittenPending("half", List.of(
                    new MigrationOperation.DropForeignKey("book", book.foreignKeys().get(0)),
                    new MigrationOperation.DropIndex("book", book.indexes().get(0)),
                    MigrationOperation.RawSql.of("UPDATE no_such_table SET x = 1", null)));
            assertThatThrownBy(f.migrator::migrate).hasMessageContaining("no_such_table");
            if (db.kind() == DatabaseKind.MARIADB) {
                assertThat(f.live.foreignKeys("book")).doesNotContainKey("author_id");
                assertThat(f.migrator.repair(false).undone()).hasSize(2);
            }
            assertThat(f.live.foreignKeys("book")).containsEntry("author_id", "author");
            assertThat(ForeignKeyIndexTest.indexesLeadingWith(f.connection, db, "book", "author_id"))
                    .containsExactly("ix_book_author_id");
            assertThat(f.live.succeeds("INSERT INTO book (title, author_id) VALUES ('orphan', 12345)")).isFalse();
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);
            java.nio.file.Files.delete(f.dir.resolve("0002_half.json"));
        }
    }
}
