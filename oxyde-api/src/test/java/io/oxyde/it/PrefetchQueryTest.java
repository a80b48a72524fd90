package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import io.oxyde.Prefetch;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Playlist;
import io.oxyde.chinook.PlaylistTrack;
import io.oxyde.chinook.Track;
import io.oxyde.exception.FieldException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code prefetch(Prefetch.of(path, query))}: a reverse foreign key and a many-to-many (more
 * than 500 targets for one parent) loaded filtered and in the query's order, with filters across
 * relations and nested prefetches, on the three databases; expected lists from the Chinook JSON.
 */
class PrefetchQueryTest {

    private static final List<Playlist> PLAYLISTS = Chinook.DATA.rows(Playlist.class);
    private static final List<PlaylistTrack> LINKS = Chinook.DATA.rows(PlaylistTrack.class);
    private static final Map<Long, Track> TRACK = Expect.TRACKS.stream().collect(Collectors.toMap(Track::id, t -> t));

    @AllDatabases
    void reverseForeignKeyFilteredAndOrdered(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Artist> artists = await(db.objects(Artist.class).orderBy("id").prefetch(Prefetch.of("albums",
                db.objects(Album.class).filter("title__icontains", "live").orderBy("-id"))).all());
        assertThat(artists).hasSize(Expect.ARTISTS.size());
        for (Artist a : artists) {
            List<Long> expected = Expect.ALBUMS.stream().filter(x -> (Long) x.artist().id() == (long) a.id()
                    && x.title().toLowerCase(java.util.Locale.ROOT).contains("live"))
                    .map(Album::id).sorted(Comparator.reverseOrder()).toList();
            assertThat(a.albums()).extracting(Album::id).as("live albums of " + a.name()).isEqualTo(expected);
        }
        assertThat(artists.stream().filter(a -> !a.albums().isEmpty()).count()).isPositive();
        // ordered by title: Iron Maiden's titles sort the same case-sensitively and not
        Artist maiden = await(db.objects(Artist.class).filter("name", "Iron Maiden")
                .prefetch(Prefetch.of("albums", db.objects(Album.class).orderBy("title"))).get());
        List<String> titles = Expect.ALBUMS.stream().filter(x -> (Long) x.artist().id() == (long) maiden.id())
                .map(Album::title).sorted().toList();
        assertThat(titles).isEqualTo(titles.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
        assertThat(maiden.albums()).extracting(Album::title).isEqualTo(titles).hasSize(21);
    }

    @AllDatabases
    void manyToManyAcrossChunksWithAFilterAcrossAForeignKey(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Playlist> playlists = await(db.objects(Playlist.class).orderBy("id").prefetch(Prefetch.of("tracks",
                db.objects(Track.class).filter("genre__name", "Rock").orderBy("-milliseconds", "id"))).all());
        assertThat(playlists).hasSize(PLAYLISTS.size());
        int longest = 0;
        for (Playlist p : playlists) {
            List<Long> expected = LINKS.stream().filter(l -> (Long) l.playlist().id() == (long) p.id())
                    .map(l -> TRACK.get((Long) l.track().id())).filter(t -> "Rock".equals(Expect.genreName(t)))
                    .sorted(Comparator.comparingInt((Track t) -> -t.milliseconds()).thenComparing(Track::id))
                    .map(Track::id).toList();
            assertThat(p.tracks()).extracting(Track::id).as("rock tracks of playlist " + p.id()).isEqualTo(expected);
            longest = Math.max(longest, expected.size());
        }
        assertThat(longest).as("one playlist has more rock tracks than a chunk").isGreaterThan(500);
    }

    @AllDatabases
    void joinedInsideThePrefetchQuery(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        // the albums' artists eagerly joined, and their other albums prefetched, inside the albums query
        Artist acdc = await(db.objects(Artist.class).filter("name", "AC/DC").prefetch(Prefetch.of("albums",
                db.objects(Album.class).orderBy("-id").join("artist"))).get());
        assertThat(acdc.albums()).extracting(Album::id).containsExactly(4L, 1L);
        assertThat(acdc.albums().get(0).artist().get().name()).isEqualTo("AC/DC");
        // the prefetch query's own prefetches load on its models
        Artist queen = await(db.objects(Artist.class).filter("name", "Queen").prefetch(Prefetch.of("albums",
                db.objects(Album.class).orderBy("id").prefetch("artist"))).get());
        assertThat(queen.albums()).isNotEmpty().allMatch(a -> a.artist().get().name().equals("Queen"));
        // a nested path: the levels before the last load whole, the last through the query
        List<Album> maiden = await(db.objects(Album.class).filter("artist__name", "Iron Maiden").orderBy("id")
                .prefetch(Prefetch.of("artist__albums", db.objects(Album.class).filter("title__icontains", "live")
                        .orderBy("-id"))).all());
        long maidenId = Expect.ARTISTS.stream().filter(a -> a.name().equals("Iron Maiden")).findFirst().orElseThrow().id();
        List<Long> live = Expect.ALBUMS.stream().filter(a -> (Long) a.artist().id() == maidenId
                && a.title().toLowerCase(java.util.Locale.ROOT).contains("live")).map(Album::id)
                .sorted(Comparator.reverseOrder()).toList();
        assertThat(live).isNotEmpty();
        assertThat(maiden).hasSize(21).allSatisfy(a -> assertThat(a.artist().get().albums()).extracting(Album::id)
                .isEqualTo(live));
        // a many-to-many of a few parents, filtered and ordered
        List<Playlist> two = await(db.objects(Playlist.class).filter("id__in", List.of(3L, 4L)).orderBy("id")
                .prefetch(Prefetch.of("tracks", db.objects(Track.class).filter("milliseconds__gt", 400_000)
                        .orderBy("id"))).all());
        for (Playlist p : two) {
            assertThat(p.tracks()).allMatch(t -> t.milliseconds() > 400_000);
            assertThat(p.tracks()).extracting(Track::id).isSorted();
        }
    }

    @AllDatabases
    void refusals(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThatThrownBy(() -> db.objects(Artist.class).prefetch(Prefetch.of("albums", db.objects(Track.class))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"albums\" holds Album models, the query is on Track");
        assertThatThrownBy(() -> db.objects(Artist.class).prefetch(Prefetch.of("albums",
                db.objects(Album.class).limit(1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not limit, offset, set operations, locks, values or annotations");
        assertThatThrownBy(() -> db.objects(Album.class).prefetch(Prefetch.of("artist", db.objects(Artist.class))))
                .isInstanceOf(FieldException.class).hasMessageContaining("\"artist\" is a foreign key");
        assertThatThrownBy(() -> db.objects(Artist.class).prefetch(Prefetch.of("singles", db.objects(Album.class))))
                .isInstanceOf(FieldException.class).hasMessageContaining("singles");
    }
}
