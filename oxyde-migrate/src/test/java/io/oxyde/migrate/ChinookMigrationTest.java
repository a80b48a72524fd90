package io.oxyde.migrate;

import static io.oxyde.migrate.ColumnType.bigint;
import static io.oxyde.migrate.ColumnType.integer;
import static io.oxyde.migrate.ColumnType.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import io.oxyde.exception.MigrationException;

/** A Chinook-like schema evolved through makeMigrations / migrate on every database, data kept. */
class ChinookMigrationTest {
    @TempDir
    Path tmp;

    static TableDefinition artist() {
        return TableDefinition.named("artist").withColumn(ColumnDefinition.identity("artist_id", bigint()))
                .withColumn(ColumnDefinition.nullable("name", varchar(120))).withPrimaryKey("artist_id");
    }

    static TableDefinition album() {
        return TableDefinition.named("album").withColumn(ColumnDefinition.identity("album_id", bigint()))
                .withColumn(ColumnDefinition.of("title", varchar(160))).withColumn(ColumnDefinition.of("artist_id", bigint()))
                .withPrimaryKey("album_id")
                .withForeignKey(ForeignKeyDefinition.of("album_artist_fk", "artist_id", "artist", "artist_id"));
    }

    static TableDefinition track() {
        return TableDefinition.named("track").withColumn(ColumnDefinition.identity("track_id", bigint()))
                .withColumn(ColumnDefinition.of("name", varchar(200))).withColumn(ColumnDefinition.nullable("album_id", bigint()))
                .withColumn(ColumnDefinition.of("milliseconds", integer())).withColumn(ColumnDefinition.of("unit_price", ColumnType.decimal(10, 2)))
                .withPrimaryKey("track_id")
                .withIndex(IndexDefinition.of("track_album_idx", "album_id"))
                .withForeignKey(ForeignKeyDefinition.of("track_album_fk", "album_id", "album", "album_id").onDelete(ReferentialAction.SET_NULL));
    }

    static TableDefinition employee() {
        return TableDefinition.named("employee").withColumn(ColumnDefinition.identity("employee_id", bigint()))
                .withColumn(ColumnDefinition.of("last_name", varchar(20))).withColumn(ColumnDefinition.nullable("first_name", varchar(20)))
                .withColumn(ColumnDefinition.nullable("reports_to", bigint())).withPrimaryKey("employee_id")
                .withForeignKey(ForeignKeyDefinition.of("employee_reports_to_fk", "reports_to", "employee", "employee_id"))
                .withComment("staff, with their manager");
    }

    private static final String TRACKS = "SELECT track_id, name, album_id, milliseconds FROM track ORDER BY track_id";
    private static final String ALBUMS = "SELECT album_id, title, artist_id FROM album ORDER BY album_id";

    private static void seed(MigrationFixture f) throws Exception {
        f.exec("INSERT INTO artist (artist_id, name) VALUES (1, 'AC/DC'), (2, 'Accept'), (3, 'Aerosmith')");
        f.exec("INSERT INTO album (album_id, title, artist_id) VALUES (1, 'For Those About To Rock', 1), "
                + "(2, 'Balls to the Wall', 2), (3, 'Restless and Wild', 2), (4, 'Big Ones', 3)");
        f.exec("INSERT INTO track (track_id, name, album_id, milliseconds, unit_price) VALUES "
                + "(1, 'For Those About To Rock (We Salute You)', 1, 343719, 0.99), (2, 'Balls to the Wall', 2, 342562, 0.99), "
                + "(3, 'Fast As a Shark', 3, 230619, 0.99), (4, 'Walk On Water', 4, 295680, 0.99)");
        f.exec("INSERT INTO employee (employee_id, last_name, first_name, reports_to) VALUES "
                + "(1, 'Adams', 'Andrew', NULL), (2, 'Edwards', 'Nancy', 1), (3, 'Peacock', 'Jane', 2)");
    }

    @AllDatabases
    void evolvesTheSchemaStepByStepKeepingTheData(TestDatabase db) throws Exception {
        try (MigrationFixture f = new MigrationFixture(db, tmp.resolve("chinook"))) {
            TableDefinition artist = artist();
            TableDefinition album = album();
            TableDefinition track = track();
            TableDefinition employee = employee();
            assertThat(Migrator.makeMigrations(Schema.of(track, album, artist, employee), f.dir, null, false)).isPresent();
            assertThat(f.migrator.migrate().applied()).containsExactly("0001_initial");
            seed(f);
            List<String> tracks = f.rows(TRACKS);
            List<String> albums = f.rows(ALBUMS);

            // 1. add a column with a default
            track = track.withColumn(ColumnDefinition.of("bytes", integer()).withDefault("0"));
            f.change(Schema.of(track, album, artist, employee), "track_bytes", MigrationOperation.AddColumn.class);
            assertThat(f.rows("SELECT track_id, bytes FROM track ORDER BY track_id")).containsExactly("1|0", "2|0", "3|0", "4|0");

            // 2. rename a column through a hint
            employee = employee.mapColumn("last_name", c -> c.withName("surname").renamedFrom("last_name"));
            f.change(Schema.of(track, album, artist, employee), "surname", MigrationOperation.RenameColumn.class);
            assertThat(f.rows("SELECT employee_id, surname, reports_to FROM employee ORDER BY employee_id"))
                    .containsExactly("1|Adams|null", "2|Edwards|1", "3|Peacock|2");

            // 3. change a type
            track = track.mapColumn("milliseconds", c -> c.withType(bigint()));
            f.change(Schema.of(track, album, artist, employee), "long_ms", MigrationOperation.AlterColumn.class);
            f.exec("UPDATE track SET milliseconds = 5000000000 WHERE track_id = 4");
            assertThat(f.rows("SELECT milliseconds FROM track WHERE track_id = 4")).containsExactly("5000000000");
            f.exec("UPDATE track SET milliseconds = 295680 WHERE track_id = 4");

            // 4. add a unique index
            album = album.withIndex(IndexDefinition.unique("album_artist_title_key", "artist_id", "title"));
            f.change(Schema.of(track, album, artist, employee), "album_unique", MigrationOperation.CreateIndex.class);
            assertThat(f.live.succeeds("INSERT INTO album (album_id, title, artist_id) VALUES (9, 'Big Ones', 3)")).isFalse();

            // 5. add a table, a column and a foreign key to it
            TableDefinition genre = TableDefinition.named("genre").withColumn(ColumnDefinition.identity("genre_id", bigint()))
                    .withColumn(ColumnDefinition.of("name", varchar(120))).withPrimaryKey("genre_id");
            track = track.withColumn(ColumnDefinition.nullable("genre_id", bigint()))
                    .withForeignKey(ForeignKeyDefinition.of("track_genre_fk", "genre_id", "genre", "genre_id"));
            f.change(Schema.of(track, album, artist, employee, genre), "genre", MigrationOperation.AddForeignKey.class);
            f.exec("INSERT INTO genre (genre_id, name) VALUES (1, 'Rock')");
            f.exec("UPDATE track SET genre_id = 1");
            assertThat(f.live.foreignKeys("track")).containsEntry("genre_id", "genre").containsEntry("album_id", "album");
            assertThat(f.live.succeeds("UPDATE track SET genre_id = 42 WHERE track_id = 1")).isFalse();

            // 6. drop a column
            employee = employee.withColumns(employee.columns().stream().filter(c -> !c.name().equals("first_name")).toList());
            f.change(Schema.of(track, album, artist, employee, genre), "no_first_name", MigrationOperation.DropColumn.class);
            assertThat(f.live.columns("employee")).doesNotContainKey("first_name");

            // data intact through every step; self-reference and foreign keys still enforced
            assertThat(f.rows(TRACKS)).isEqualTo(tracks);
            assertThat(f.rows(ALBUMS)).isEqualTo(albums);
            assertThat(f.rows("SELECT employee_id, surname, reports_to FROM employee ORDER BY employee_id"))
                    .containsExactly("1|Adams|null", "2|Edwards|1", "3|Peacock|2");
            assertThat(f.live.succeeds("UPDATE employee SET reports_to = 99 WHERE employee_id = 3")).isFalse();
            assertThat(f.live.foreignKeys("employee")).containsEntry("reports_to", "employee");

            // nothing changed: nothing written
            long files = Files.list(f.dir).count();
            assertThat(Migrator.makeMigrations(Schema.of(track, album, artist, employee, genre), f.dir, "noop", false)).isEmpty();
            assertThat(Files.list(f.dir).count()).isEqualTo(files);
            assertThat(f.migrator.status()).allMatch(MigrationStatus::applied).hasSize(7);

            // all the way back to the initial schema: rows of the original columns survive
            f.exec("UPDATE track SET genre_id = NULL");
            f.exec("DELETE FROM genre");
            assertThat(f.migrator.migrate("0001_initial").rolledBack()).hasSize(6);
            assertThat(f.rows(TRACKS)).isEqualTo(tracks);
            assertThat(f.rows("SELECT employee_id, last_name, reports_to FROM employee ORDER BY employee_id"))
                    .containsExactly("1|Adams|null", "2|Edwards|1", "3|Peacock|2");
            assertThat(f.live.tables()).containsExactly("album", "artist", "employee", "track");
            // and forward again
            assertThat(f.migrator.migrate().applied()).hasSize(6);
            assertThat(f.rows(TRACKS)).isEqualTo(tracks);
        }
    }

    @AllDatabases
    void refusesEditedOrMissingAppliedMigrations(TestDatabase db) throws Exception {
        try (MigrationFixture f = new MigrationFixture(db, tmp.resolve("edited"))) {
            Migrator.makeMigrations(Schema.of(artist()), f.dir, null, false);
            Migrator.makeMigrations(Schema.of(artist().withColumn(ColumnDefinition.of("rank", integer()).withDefault("1"))), f.dir, "rank", false);
            f.migrator.migrate();
            Path file = f.dir.resolve("0002_rank.json");
            String original = Files.readString(file);
            Files.writeString(file, original.replace("\"defaultValue\" : \"1\"", "\"defaultValue\" : \"2\""));
            assertThat(Files.readString(file)).isNotEqualTo(original);
            assertThatThrownBy(f.migrator::migrate).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("migration 0002_rank was edited after it was applied");
            assertThatThrownBy(f.migrator::status).hasMessageContaining("0002_rank was edited");
            Files.delete(file);
            assertThatThrownBy(f.migrator::migrate).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("migration 0002_rank is recorded as applied")
                    .hasMessageContaining("file is missing");
            Files.writeString(file, original);
            assertThat(f.migrator.migrate().applied()).isEmpty();
        }
    }

    @AllDatabases
    void aFailedMigrationLeavesTheHistoryTruthful(TestDatabase db) throws Exception {
        try (MigrationFixture f = new MigrationFixture(db, tmp.resolve("failed"))) {
            Migrator.makeMigrations(Schema.of(artist()), f.dir, null, false);
            f.migrator.migrate();
            f.exec("INSERT INTO artist (artist_id, name) VALUES (1, 'AC/DC')");
            f.handWrittenPending("broken", List.of(
                    new MigrationOperation.AddColumn("artist", ColumnDefinition.nullable("country", varchar(40))),
                    MigrationOperation.RawSql.of("UPDATE no_such_table SET x = 1", null)));
            MigrationException e = org.junit.jupiter.api.Assertions.assertThrows(MigrationException.class, f.migrator::migrate);
            assertThat(e.getMessage()).contains("migration 0002_broken failed at statement 2 of 2: UPDATE no_such_table SET x = 1");
            assertThat(f.migrator.status()).extracting(MigrationStatus::applied).containsExactly(true, false);
            if (MigrationFixture.dialect(db).transactionalDdl()) {
                assertThat(e.getMessage()).contains("rolled back");
                assertThat(f.live.columns("artist")).doesNotContainKey("country");
            } else {
                assertThat(e.getMessage()).contains("already ran and stay applied").contains("ADD COLUMN `country`")
                        .contains("NOT recorded in oxyde_migrations").contains("run repair");
                assertThat(f.live.columns("artist")).containsKey("country");
                f.exec("ALTER TABLE artist DROP COLUMN country");
                assertThat(f.migrator.repair(true).failedMigration()).as("fixed by hand: forget").isEqualTo("0002_broken");
            }
            assertThat(f.rows("SELECT artist_id, name FROM artist")).containsExactly("1|AC/DC");
            Files.delete(f.dir.resolve("0002_broken.json"));
        }
    }

    @AllDatabases
    void concurrentMigratorsAreSerialisedByTheLock(TestDatabase db) throws Exception {
        try (MigrationFixture f = new MigrationFixture(db, tmp.resolve("concurrent"))) {
            Schema s = Schema.of(artist());
            Migrator.makeMigrations(s, f.dir, null, false);
            for (int i = 0; i < 4; i++) {
                s = Schema.of(s.tables().get(0).withColumn(ColumnDefinition.nullable("extra" + i, varchar(10))));
                Migrator.makeMigrations(s, f.dir, "extra" + i, false);
            }
            int threads = 3;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<MigrationRun>> runs = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Migrator m = new Migrator(db::connect, MigrationFixture.dialect(db), f.dir);
                Callable<MigrationRun> task = () -> {
                    start.await();
                    return m.migrate();
                };
                runs.add(pool.submit(task));
            }
            start.countDown();
            List<String> applied = Collections.synchronizedList(new ArrayList<>());
            for (Future<MigrationRun> run : runs) {
                applied.addAll(run.get().applied());
            }
            pool.shutdown();
            assertThat(applied).containsExactlyInAnyOrder("0001_initial", "0002_extra0", "0003_extra1", "0004_extra2", "0005_extra3");
            assertThat(f.rows("SELECT name FROM oxyde_migrations ORDER BY id"))
                    .containsExactly("0001_initial", "0002_extra0", "0003_extra1", "0004_extra2", "0005_extra3");
            assertThat(f.live.columns("artist")).containsKeys("extra0", "extra1", "extra2", "extra3");
        }
    }

    @AllDatabases
    void mutualForeignKeysAndSelfReferenceOnALiveDatabase(TestDatabase db) throws Exception {
        try (MigrationFixture f = new MigrationFixture(db, tmp.resolve("cycle"))) {
            TableDefinition dept = TableDefinition.named("dept").withColumn(ColumnDefinition.of("id", bigint())).withColumn(ColumnDefinition.nullable("head_id", bigint()))
                    .withColumn(ColumnDefinition.nullable("parent_id", bigint())).withPrimaryKey("id")
                    .withForeignKey(ForeignKeyDefinition.of("dept_head_fk", "head_id", "person", "id"))
                    .withForeignKey(ForeignKeyDefinition.of("dept_parent_fk", "parent_id", "dept", "id"));
            TableDefinition person = TableDefinition.named("person").withColumn(ColumnDefinition.of("id", bigint())).withColumn(ColumnDefinition.nullable("dept_id", bigint()))
                    .withPrimaryKey("id").withForeignKey(ForeignKeyDefinition.of("person_dept_fk", "dept_id", "dept", "id"));
            Migration m = Migrator.makeMigrations(Schema.of(dept, person), f.dir, null, false).orElseThrow();
            assertThat(m.operations()).hasAtLeastOneElementOfType(MigrationOperation.AddForeignKey.class);
            f.migrator.migrate();
            f.exec("INSERT INTO dept (id, head_id, parent_id) VALUES (1, NULL, NULL), (2, NULL, 1)");
            f.exec("INSERT INTO person (id, dept_id) VALUES (10, 2)");
            f.exec("UPDATE dept SET head_id = 10 WHERE id = 2");
            assertThat(f.live.foreignKeys("dept")).containsEntry("head_id", "person").containsEntry("parent_id", "dept");
            assertThat(f.live.foreignKeys("person")).containsEntry("dept_id", "dept");
            assertThat(f.live.succeeds("UPDATE dept SET head_id = 99 WHERE id = 1")).isFalse();
            // dropping both tables of the cycle: foreign keys go first (close() migrates to zero)
            List<String> rollback = Migrator.rollbackSql(MigrationLoader.load(f.dir), m.name(), MigrationFixture.dialect(db))
                    .stream().filter(s -> !s.startsWith("PRAGMA") && !s.startsWith("--") && !s.equals("BEGIN")
                            && !s.equals("COMMIT")).toList();  // without SQLite's wrapper
            if (db.kind() == io.oxyde.testkit.DatabaseKind.SQLITE) {
                // foreign keys are off during a migration, and a table about to be dropped is not rebuilt
                assertThat(rollback).containsExactly("DROP TABLE \"person\"", "DROP TABLE \"dept\"");
            } else {
                assertThat(rollback.get(0)).doesNotStartWith("DROP TABLE");
                assertThat(rollback.get(rollback.size() - 1)).startsWith("DROP TABLE").contains("dept");
            }
            f.exec("UPDATE dept SET head_id = NULL");
        }
    }
}
