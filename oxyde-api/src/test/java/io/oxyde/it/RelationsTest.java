package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.exception.FieldException;
import io.oxyde.Oxyde;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Employee;
import io.oxyde.chinook.Playlist;
import io.oxyde.chinook.PlaylistTrack;
import io.oxyde.chinook.Track;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** join() (eager FK loading in the same query) and prefetch() (separate IN queries) on the full Chinook data. */
class RelationsTest {

    @AllDatabases
    void joinLoadsForeignKeysTwoLevelsDeep(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Track> tracks = await(db.objects(Track.class).filter("genre__name", "Rock")
                .filter("milliseconds__gte", 300_000).orderBy("-milliseconds", "id").limit(10).join("album__artist").all());
        assertThat(tracks).hasSize(10);
        for (Track t : tracks) {
            Track source = Expect.TRACKS.get((int) (long) t.id() - 1);
            assertThat(t.album().isLoaded()).isTrue();
            assertThat(t.album().get().title()).isEqualTo(Expect.ALBUM.get((Long) source.album().id()).title());
            assertThat(t.album().get().artist().isLoaded()).isTrue();
            assertThat(t.album().get().artist().get().name()).isEqualTo(Expect.artistOf(source).name());
            assertThat(t.genre().isLoaded()).as("not joined").isFalse();
        }
        assertThat(tracks.stream().map(Track::id).toList()).isEqualTo(Expect.TRACKS.stream()
                .filter(t -> "Rock".equals(Expect.genreName(t)) && t.milliseconds() >= 300_000)
                .sorted(java.util.Comparator.comparingInt(Track::milliseconds).reversed().thenComparing(Track::id))
                .limit(10).map(Track::id).toList());
    }

    @AllDatabases
    void joinOnNullableForeignKeyKeepsRowsWithoutTarget(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Employee> emps = await(db.objects(Employee.class).orderBy("id").join("reportsTo").all());
        List<Employee> source = Chinook.DATA.rows(Employee.class);
        assertThat(emps).hasSize(source.size());
        for (int i = 0; i < emps.size(); i++) {
            Employee e = emps.get(i);
            Employee s = source.get(i);
            if (s.reportsTo() == null) {
                assertThat(e.reportsTo()).isNull();
            } else {
                Employee boss = source.stream().filter(b -> b.id().equals(s.reportsTo().id())).findFirst().orElseThrow();
                assertThat(e.reportsTo().get().lastName()).isEqualTo(boss.lastName());
            }
        }
    }

    @AllDatabases
    void prefetchReverseForeignKey(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        Artist acdc = await(db.objects(Artist.class).prefetch("albums").get("name", "AC/DC"));
        assertThat(acdc.albums()).extracting(Album::title).containsExactlyElementsOf(Expect.ALBUMS.stream()
                .filter(a -> a.artist().id().equals(acdc.id())).map(Album::title).toList());
        List<Artist> all = await(db.objects(Artist.class).prefetch("albums").all());
        Map<Long, Long> expected = Expect.ALBUMS.stream().collect(Collectors.groupingBy(a -> (Long) a.artist().id(),
                Collectors.counting()));
        for (Artist a : all) {
            assertThat((long) a.albums().size()).as(a.name()).isEqualTo(expected.getOrDefault(a.id(), 0L));
        }
    }

    @AllDatabases
    void prefetchManyToManyChunked(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Playlist> playlists = await(db.objects(Playlist.class).orderBy("id").prefetch("tracks").all());
        List<PlaylistTrack> links = Chinook.DATA.rows(PlaylistTrack.class);
        for (Playlist p : playlists) {
            List<Long> expected = links.stream().filter(l -> l.playlist().id().equals(p.id()))
                    .map(l -> (Long) l.track().id()).sorted().toList();
            assertThat(p.tracks().stream().map(Track::id).sorted().toList()).as(p.name()).isEqualTo(expected);
        }
        assertThat(playlists.stream().mapToInt(p -> p.tracks().size()).max().orElseThrow())
                .as("some playlist needs more than one IN chunk").isGreaterThan(500);
    }

    @AllDatabases
    void prefetchNestedForwardPath(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Track> tracks = await(db.objects(Track.class).filter("id__lte", 20).orderBy("id").prefetch("album__artist", "genre").all());
        for (Track t : tracks) {
            Track source = Expect.TRACKS.get((int) (long) t.id() - 1);
            assertThat(t.album().get().artist().get().name()).isEqualTo(Expect.artistOf(source).name());
            assertThat(t.genre().get().name()).isEqualTo(Expect.genreName(source));
        }
    }

    @AllDatabases
    void prefetchReverseThenNested(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        Artist queen = await(db.objects(Artist.class).prefetch("albums__artist").get("name", "Queen"));
        assertThat(queen.albums()).isNotEmpty().allSatisfy(a -> assertThat(a.artist().get().name()).isEqualTo("Queen"));
    }

    @AllDatabases
    void unknownRelationsAreBuildErrors(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThatThrownBy(() -> db.objects(Artist.class).prefetch("songs")).isInstanceOf(FieldException.class)
                .hasMessageContaining("Artist.songs").hasMessageContaining("albums");
        assertThatThrownBy(() -> db.objects(Track.class).join("name")).isInstanceOf(FieldException.class)
                .hasMessageContaining("Track.name").hasMessageContaining("album, mediaType, genre");
    }

    @AllDatabases
    void filtersAcrossReverseAndManyToManyRelations(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Artist> live = await(db.objects(Artist.class).filter("albums__title__contains", "Live").distinct().all());
        assertThat(live.stream().map(Artist::id).sorted().toList()).isEqualTo(Expect.ALBUMS.stream()
                .filter(a -> a.title().contains("Live")).map(a -> (Long) a.artist().id()).distinct().sorted().toList());
        List<Playlist> withJazz = await(db.objects(Playlist.class).filter("tracks__genre__name", "Jazz").distinct().all());
        List<PlaylistTrack> links = Chinook.DATA.rows(PlaylistTrack.class);
        assertThat(withJazz.stream().map(Playlist::id).sorted().toList()).isEqualTo(links.stream()
                .filter(l -> "Jazz".equals(Expect.genreName(Expect.TRACKS.get((int) (long) (Long) l.track().id() - 1))))
                .map(l -> (Long) l.playlist().id()).distinct().sorted().toList());
        long albumsPerArtist = await(db.objects(Artist.class).filter("name", "Iron Maiden").values("name")
                .annotate("albums", io.oxyde.expression.Count.of("albums__id")).first()).map(m -> ((Number) m.get("albums")).longValue())
                .orElseThrow();
        assertThat(albumsPerArtist).isEqualTo(Expect.ALBUMS.stream()
                .filter(a -> Expect.ARTIST.get((Long) a.artist().id()).name().equals("Iron Maiden")).count());
    }
}
