package io.oxyde.reliability.values;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.annotation.Id;
import io.oxyde.migration.Migrations;
import io.oxyde.Oxyde;
import io.oxyde.annotation.Table;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * Issue 19 item 5: after rows with explicit keys (a data load through {@code bulkCreate}, a
 * {@code create} with an id, an upsert, rows written by plain SQL plus
 * {@code resetKeySequence}), the next generated key is free on every dialect; the sequence never
 * moves backwards. The expected keys are written by hand.
 */
class KeysAfterExplicitIdsTest {

    @Table("v19_genre")
    record Genre(@Id Long id, String name) {
    }

    @AllDatabases
    void nextGeneratedKeyIsFreeAfterExplicitIds(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-keys");
        Migrations.makeMigrations(List.of(Genre.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        try (Oxyde db = ValueDbs.open(tdb)) {
            var genres = db.objects(Genre.class);
            await(genres.bulkCreate(List.of(new Genre(1L, "Rock"), new Genre(2L, "Jazz"), new Genre(3L, "Metal"))));
            assertThat(await(genres.create(new Genre(null, "Polka"))).id()).isEqualTo(4L);
            await(genres.create(new Genre(10L, "Blues")));
            assertThat(await(genres.create(new Genre(null, "Latin"))).id()).isEqualTo(11L);
            await(genres.upsert(new Genre(12L, "Soul"), "id"));
            assertThat(await(genres.create(new Genre(null, "Reggae"))).id()).isEqualTo(13L);
            // inside a transaction, and in batches
            List<Genre> inTx = await(db.atomic(tx -> tx.objects(Genre.class)
                    .bulkCreate(List.of(new Genre(20L, "Pop"), new Genre(21L, "Funk"), new Genre(22L, "Disco")), 2)
                    .thenCompose(loaded -> tx.objects(Genre.class).create(new Genre(null, "Ska")))
                    .thenApply(List::of)));
            assertThat(inTx.get(0).id()).isEqualTo(23L);
            // rows written by plain SQL with the very key the sequence would give next
            try (Connection c = tdb.connect(); Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO v19_genre (id, name) VALUES (24, 'Gospel')");
            }
            await(db.resetKeySequence(Genre.class));
            assertThat(await(genres.create(new Genre(null, "Folk"))).id()).isEqualTo(25L);
            // never backwards: explicit keys below the sequence leave it where it is
            await(genres.bulkCreate(List.of(new Genre(5L, "Opera"), new Genre(6L, "Tango"))));
            await(db.resetKeySequence(Genre.class));
            assertThat(await(genres.create(new Genre(null, "Samba"))).id()).isEqualTo(26L);
            assertThat(await(genres.count())).isEqualTo(17L); // 1-4, 10-13, 20-26, 5, 6
        }
    }
}
