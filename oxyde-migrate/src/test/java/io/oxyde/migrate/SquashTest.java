package io.oxyde.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * squashmigrations on every database: three migrations (create, add column, rename a foreign-key
 * column) become one; a database that applied them keeps working with the squashed file, a new one
 * runs it, one that applied only some is refused; rows survive forward and back.
 */
class SquashTest {
    @TempDir
    Path tmp;

    private static Schema withNickname() {
        return Schema.of(Library.author().withColumn(ColumnDefinition.nullable("nickname", ColumnType.varchar(40))), Library.book(),
                Library.bookTag(), Library.category(), Library.tag());
    }

    private static Schema renamed() {
        TableDefinition book = Library.book().mapColumn("author_id", c -> c.withName("writer_id").renamedFrom("author_id"))
                .withForeignKeys(List.of(ForeignKeyDefinition.of("fk_book_writer_id", "writer_id", "author", "id"),
                        ForeignKeyDefinition.of("fk_book_category_id", "category_id", "category", "id")))
                .withIndexes(List.of(IndexDefinition.of("ix_book_writer_id", "writer_id"), IndexDefinition.of("ix_book_category_id", "category_id")));
        return Schema.of(Library.author().withColumn(ColumnDefinition.nullable("nickname", ColumnType.varchar(40))), book,
                Library.bookTag(), Library.category(), Library.tag());
    }

    private static Schema tagged() {
        Schema s = renamed();
        return s.withTable(s.requireTable("tag").withIndex(IndexDefinition.unique("ix_tag_label", "label")));
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        for (String f : files(from)) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
    }

    @AllDatabases
    void squashedMigrationsKeepWorkingOnOldAndNewDatabases(TestDatabase db) throws Exception {
        Path dir = tmp.resolve("history");
        try (MigrationFixture f = MigrationFixture.library(db, dir)) {
            Migrator.makeMigrations(withNickname(), dir, "nickname", false).orElseThrow();
            Migrator.makeMigrations(renamed(), dir, "writer", false).orElseThrow();
            Migrator.makeMigrations(tagged(), dir, "tag_label", false).orElseThrow();
            assertThat(f.migrator.migrate("0002_nickname").applied()).containsExactly("0002_nickname");

            Path squashedDir = tmp.resolve("squashed");
            copy(dir, squashedDir);
            Migration squashed = Migrator.squash(squashedDir, "0003_writer", "base");
            assertThat(squashed.name()).isEqualTo("0003_squashed_base");
            assertThat(squashed.replaces()).containsExactly("0001_v1", "0002_nickname", "0003_writer");
            assertThat(files(squashedDir)).containsExactly("0003_squashed_base.json", "0004_tag_label.json");
            assertThat(MigrationLoader.load(squashedDir).get(1).dependencies()).containsExactly("0003_squashed_base");
            Migrator onSquashed = new Migrator(db::connect, MigrationFixture.dialect(db), squashedDir);
            assertThatThrownBy(onSquashed::status).hasMessageContaining("has applied [0001_v1, 0002_nickname] of the migrations"
                    + " squashed into 0003_squashed_base");

            // the old database, fully applied, switches to the squashed files
            assertThat(f.migrator.migrate().applied()).containsExactly("0003_writer", "0004_tag_label");
            Map<String, Fingerprint> v4 = Library.fingerprints(f.connection, "category", "writer_id");
            assertThat(onSquashed.status()).extracting(MigrationStatus::name, MigrationStatus::applied)
                    .containsExactly(tuple("0003_squashed_base", true),
                            tuple("0004_tag_label", true));
            assertThat(onSquashed.migrate().applied()).isEmpty();
            assertThat(onSquashed.migrate("0003_squashed_base").rolledBack()).containsExactly("0004_tag_label");
            assertThat(Library.fingerprints(f.connection, "category", "writer_id")).isEqualTo(v4);

            // rolled back through the squashed migration: every replaced row goes, every table too
            assertThat(onSquashed.migrate(Migrator.ZERO).rolledBack()).containsExactly("0003_squashed_base");
            assertThat(f.live.tables()).isEmpty();
            assertThat(f.rows("SELECT COUNT(*) FROM oxyde_migrations")).containsExactly("0");

            // a new database runs the squashed migration
            assertThat(onSquashed.migrate().applied()).containsExactly("0003_squashed_base", "0004_tag_label");
            assertThat(f.live.foreignKeys("book")).containsEntry("writer_id", "author");
            assertThat(f.live.columns("author")).containsKey("nickname");
            assertThat(f.live.indexes("tag")).containsKey("ix_tag_label");
            Library.seed(f.connection, "writer_id");
            Map<String, Fingerprint> fresh = Library.fingerprints(f.connection, "category", "writer_id");
            assertThat(onSquashed.migrate("0003_squashed_base").rolledBack()).containsExactly("0004_tag_label");
            assertThat(onSquashed.migrate().applied()).containsExactly("0004_tag_label");
            assertThat(Library.fingerprints(f.connection, "category", "writer_id")).isEqualTo(fresh);
            assertThat(onSquashed.migrate(Migrator.ZERO).rolledBack()).containsExactly("0004_tag_label", "0003_squashed_base");
        }
    }
}
