package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.Oxyde;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Track;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** db.raw(...): maps, models, statements, inside and outside transactions. */
class RawSqlTest {

    @AllDatabases
    void rawRowsAsMaps(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Map<String, Object>> rows = await(db.raw("SELECT id, name FROM artist WHERE id <= ? ORDER BY id", 3).all());
        assertThat(rows).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> row = rows.get(i);
            assertThat(((Number) row.get("id")).longValue()).isEqualTo(Expect.ARTISTS.get(i).id());
            assertThat(row.get("name")).isEqualTo(Expect.ARTISTS.get(i).name());
        }
        assertThat(await(db.raw("SELECT name FROM artist WHERE name = ?", "No Such").first())).isEmpty();
    }

    @AllDatabases
    void rawRowsAsModels(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Track> tracks = await(db.raw("SELECT * FROM track WHERE album_id = ? AND milliseconds > ? ORDER BY id", 1, 300_000)
                .as(Track.class).all());
        assertThat(tracks).isEqualTo(Expect.TRACKS.stream()
                .filter(t -> (Long) t.album().id() == 1L && t.milliseconds() > 300_000).toList());
        Artist partial = await(db.raw("SELECT id, name FROM artist WHERE id = ?", 1).as(Artist.class).first()).orElseThrow();
        assertThat(partial).isEqualTo(Expect.ARTISTS.get(0));
    }

    @AllDatabases
    void rawStatementsInAndOutOfTransactions(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            assertThat(await(db.raw("UPDATE artist SET name = ? WHERE id = ?", "Renamed", 1).execute())).isEqualTo(1L);
            assertThat(WritesTest.text(tdb, "SELECT name FROM artist WHERE id = 1")).isEqualTo("Renamed");
            await(db.atomic(tx -> tx.raw("INSERT INTO artist (id, name) VALUES (?, ?)", 9001, "Raw Insert").execute()
                    .thenCompose(n -> tx.raw("SELECT count(*) AS n FROM artist WHERE id = ?", 9001).all())
                    .thenApply(rows -> {
                        assertThat(((Number) rows.get(0).get("n")).longValue()).as("visible inside").isEqualTo(1L);
                        return rows;
                    })));
            assertThat(WritesTest.scalar(tdb, "SELECT count(*) FROM artist WHERE id = 9001")).isEqualTo(1L);
            try {
                await(db.atomic(tx -> tx.raw("DELETE FROM artist WHERE id = ?", 9001).execute()
                        .thenCompose(n -> CompletableFuture.failedFuture(new IllegalStateException("undo")))));
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessage("undo");
            }
            assertThat(WritesTest.scalar(tdb, "SELECT count(*) FROM artist WHERE id = 9001")).as("rolled back").isEqualTo(1L);
        }
    }
}
