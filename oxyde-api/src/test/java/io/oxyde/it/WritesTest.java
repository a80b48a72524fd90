package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Created;
import io.oxyde.F;
import io.oxyde.exception.NotFoundException;
import io.oxyde.Oxyde;
import io.oxyde.Ref;
import io.oxyde.exception.ValidationException;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Genre;
import io.oxyde.chinook.Track;
import io.oxyde.exception.UniqueViolationException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Inserts, updates, deletes, upserts and instance writes, checked through plain JDBC. */
public class WritesTest {

    public static long scalar(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static String text(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @AllDatabases
    void createReturnsStoredCopyWithGeneratedKey(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            Artist created = await(db.objects(Artist.class).create(new Artist(null, "Nina Simone")));
            assertThat(created.id()).isEqualTo(276L);
            assertThat(created.name()).isEqualTo("Nina Simone");
            assertThat(text(tdb, "SELECT name FROM artist WHERE id = 276")).isEqualTo("Nina Simone");
        }
    }

    @AllDatabases
    void clientSuppliedKeyInserts(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            Artist created = await(db.objects(Artist.class).create(new Artist(9000L, "Client Keyed")));
            assertThat(created.id()).isEqualTo(9000L);
            assertThat(scalar(tdb, "SELECT count(*) FROM artist")).isEqualTo(276L);
            assertThatThrownBy(() -> await(db.objects(Artist.class).create(new Artist(9000L, "Again"))))
                    .isInstanceOf(UniqueViolationException.class);
        }
    }

    @AllDatabases
    void bulkCreateFillsKeysInOrder(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            List<Artist> fresh = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                fresh.add(new Artist(null, "Band " + i));
            }
            List<Artist> saved = await(db.objects(Artist.class).bulkCreate(fresh, 10));
            assertThat(saved).extracting(Artist::name).containsExactlyElementsOf(fresh.stream().map(Artist::name).toList());
            assertThat(saved).extracting(Artist::id).doesNotContainNull().doesNotHaveDuplicates();
            for (Artist a : saved) {
                assertThat(text(tdb, "SELECT name FROM artist WHERE id = " + a.id())).isEqualTo(a.name());
            }
            assertThat(scalar(tdb, "SELECT count(*) FROM artist")).isEqualTo(300L);
            List<Artist> mixed = await(db.objects(Artist.class).bulkCreate(List.of(new Artist(null, "No Key"),
                    new Artist(7000L, "Keyed"), new Artist(null, "No Key Either"))));
            assertThat(mixed).extracting(Artist::name).containsExactly("No Key", "Keyed", "No Key Either");
            assertThat(mixed.get(1).id()).isEqualTo(7000L);
            assertThat(mixed).extracting(Artist::id).doesNotContainNull().doesNotHaveDuplicates();
            for (Artist a : mixed) {
                assertThat(text(tdb, "SELECT name FROM artist WHERE id = " + a.id())).isEqualTo(a.name());
            }
        }
    }

    @AllDatabases
    void validationRunsBeforeAnyWrite(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            List<Artist> batch = List.of(new Artist(null, "ok"), new Artist(null, ""), new Artist(null, "x".repeat(200)));
            assertThatThrownBy(() -> await(db.objects(Artist.class).bulkCreate(batch)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.path()).containsExactly("[1].name", "[2].name"));
            assertThatThrownBy(() -> await(db.objects(Artist.class).create(new Artist(null, " "))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("name");
            assertThatThrownBy(() -> await(db.save(new Artist(1L, ""))))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> await(db.objects(Artist.class).filter("id", 1).update(Map.of("name", ""))))
                    .isInstanceOf(ValidationException.class);
            assertThat(scalar(tdb, "SELECT count(*) FROM artist")).isEqualTo(275L);
            assertThat(text(tdb, "SELECT name FROM artist WHERE id = 1")).isEqualTo("AC/DC");
        }
    }

    @AllDatabases
    void updateWithValuesAndExpressions(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.freshMusic(tdb)) {
            long album1 = Chinook.SMALL_TRACKS.stream().filter(t -> (Long) t.album().id() == 1L).count();
            int n = await(db.objects(Track.class).filter("album", 1).update(Map.of("composer", "Someone")));
            assertThat(n).isEqualTo((int) album1);
            assertThat(scalar(tdb, "SELECT count(*) FROM track WHERE composer = 'Someone'")).isEqualTo(album1);
            int doubled = await(db.objects(Track.class).filter("id", 1).update(Map.of("milliseconds", F.col("milliseconds").mul(2))));
            assertThat(doubled).isEqualTo(1);
            assertThat(scalar(tdb, "SELECT milliseconds FROM track WHERE id = 1")).isEqualTo(343719L * 2);
            await(db.objects(Track.class).filter("id", 1).increment("milliseconds", 10));
            assertThat(scalar(tdb, "SELECT milliseconds FROM track WHERE id = 1")).isEqualTo(343719L * 2 + 10);
        }
    }

    @AllDatabases
    void updateAndDeleteAcrossRelations(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.freshMusic(tdb)) {
            long acdc = Chinook.SMALL_TRACKS.stream().filter(t -> Expect.artistOf(t).name().equals("AC/DC")).count();
            int n = await(db.objects(Track.class).filter("album__artist__name", "AC/DC")
                    .update(Map.of("unitPrice", F.col("unitPrice").mul(2))));
            assertThat(n).isEqualTo((int) acdc);
            assertThat(text(tdb, "SELECT unit_price FROM track WHERE id = 1")).startsWith("1.98");
            int deleted = await(db.objects(Track.class).filter("album__artist__name", "AC/DC").delete());
            assertThat(deleted).isEqualTo((int) acdc);
            assertThat(scalar(tdb, "SELECT count(*) FROM track")).isEqualTo(Chinook.SMALL_TRACKS.size() - acdc);
        }
    }

    @AllDatabases
    void deleteReturnsCount(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.freshMusic(tdb)) {
            long shortOnes = Chinook.SMALL_TRACKS.stream().filter(t -> t.milliseconds() < 200_000).count();
            assertThat(await(db.objects(Track.class).filter("milliseconds__lt", 200_000).delete())).isEqualTo((int) shortOnes);
            assertThat(await(db.objects(Track.class).count())).isEqualTo(Chinook.SMALL_TRACKS.size() - shortOnes);
        }
    }

    @AllDatabases
    void bulkUpdateByKey(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.freshMusic(tdb)) {
            List<Track> tracks = await(db.objects(Track.class).filter("id__lte", 3).orderBy("id").all());
            List<Track> changed = tracks.stream().map(t -> new Track(t.id(), t.name() + " (live)", t.album(), t.mediaType(),
                    t.genre(), t.composer(), t.milliseconds() + 1, t.bytes(), t.unitPrice())).toList();
            assertThat(await(db.objects(Track.class).bulkUpdate(changed, "name", "milliseconds"))).isEqualTo(3);
            for (Track t : changed) {
                assertThat(text(tdb, "SELECT name FROM track WHERE id = " + t.id())).isEqualTo(t.name());
                assertThat(scalar(tdb, "SELECT milliseconds FROM track WHERE id = " + t.id())).isEqualTo(t.milliseconds());
            }
        }
    }

    @AllDatabases
    void saveInsertsUpdatesAndInstanceDeleteRefresh(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class, Album.class))) {
            Artist saved = await(db.save(new Artist(null, "New Band")));
            assertThat(saved.id()).isNotNull();
            Artist renamed = await(db.save(new Artist(saved.id(), "Renamed Band")));
            assertThat(renamed).isEqualTo(new Artist(saved.id(), "Renamed Band"));
            assertThat(text(tdb, "SELECT name FROM artist WHERE id = " + saved.id())).isEqualTo("Renamed Band");
            Artist keyed = await(db.save(new Artist(5000L, "Saved With Key")));
            assertThat(scalar(tdb, "SELECT count(*) FROM artist WHERE id = 5000")).isEqualTo(1L);
            try (Connection c = tdb.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE artist SET name = 'Changed Elsewhere' WHERE id = 5000");
            }
            assertThat(await(db.refresh(keyed)).name()).isEqualTo("Changed Elsewhere");
            assertThat(await(db.delete(keyed))).isTrue();
            assertThat(await(db.delete(keyed))).isFalse();
            assertThatThrownBy(() -> await(db.refresh(keyed))).isInstanceOf(NotFoundException.class);
            Album album = await(db.objects(Album.class).create(new Album(null, "Debut", Ref.id(Artist.class, saved.id()))));
            assertThat(scalar(tdb, "SELECT artist_id FROM album WHERE id = " + album.id())).isEqualTo(saved.id());
        }
    }

    @AllDatabases
    void getOrCreateAndUpdateOrCreate(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Genre.class))) {
            Created<Genre> rock = await(db.objects(Genre.class).getOrCreate(Map.of("name", "Rock"), Map.of()));
            assertThat(rock.created()).isFalse();
            assertThat(rock.object().id()).isEqualTo(1L);
            Created<Genre> polka = await(db.objects(Genre.class).getOrCreate(Map.of("name", "Polka"), Map.of()));
            assertThat(polka.created()).isTrue();
            assertThat(scalar(tdb, "SELECT count(*) FROM genre WHERE name = 'Polka'")).isEqualTo(1L);
            Created<Genre> again = await(db.objects(Genre.class).getOrCreate(Map.of("name", "Polka"), Map.of()));
            assertThat(again.created()).isFalse();
            assertThat(again.object()).isEqualTo(polka.object());
            Created<Genre> updated = await(db.objects(Genre.class).updateOrCreate(Map.of("id", 1L), Map.of("name", "Rock & Roll")));
            assertThat(updated.created()).isFalse();
            assertThat(text(tdb, "SELECT name FROM genre WHERE id = 1")).isEqualTo("Rock & Roll");
            Created<Genre> made = await(db.objects(Genre.class).updateOrCreate(Map.of("id", 777L), Map.of("name", "Zydeco")));
            assertThat(made.created()).isTrue();
            assertThat(text(tdb, "SELECT name FROM genre WHERE id = 777")).isEqualTo("Zydeco");
        }
    }

    @AllDatabases
    void upsertInsertsThenUpdates(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Genre.class))) {
            Genre inserted = await(db.objects(Genre.class).upsert(new Genre(100L, "Ambient"), "id"));
            assertThat(inserted).isEqualTo(new Genre(100L, "Ambient"));
            Genre updated = await(db.objects(Genre.class).upsert(new Genre(100L, "Dark Ambient"), "id"));
            assertThat(updated).isEqualTo(new Genre(100L, "Dark Ambient"));
            assertThat(scalar(tdb, "SELECT count(*) FROM genre WHERE id = 100")).isEqualTo(1L);
            assertThat(text(tdb, "SELECT name FROM genre WHERE id = 100")).isEqualTo("Dark Ambient");
        }
    }

    @AllDatabases
    void decimalValuesRoundTrip(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.freshMusic(tdb)) {
            Track t = Chinook.SMALL_TRACKS.get(0);
            Track copy = await(db.objects(Track.class).create(new Track(null, "Copy", t.album(), t.mediaType(), t.genre(),
                    null, 1000, null, new BigDecimal("12.34"))));
            assertThat(await(db.objects(Track.class).get("id", copy.id())).unitPrice()).isEqualByComparingTo("12.34");
            assertThat(await(db.objects(Track.class).filter("unitPrice__gte", new BigDecimal("12")).count())).isEqualTo(1L);
        }
    }
}
