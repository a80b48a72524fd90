package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.exception.FieldException;
import io.oxyde.Oxyde;
import io.oxyde.Q;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Employee;
import io.oxyde.chinook.Track;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code filter("id__in", query)}: a query as the operand of {@code in} is an {@code IN
 * (SELECT …)} subquery, in filters, exclusions, {@code Q.not} and update/delete filters, on the
 * full Chinook data; expected values from the source JSON (and hand-written SQL after writes).
 */
class SubqueryFilterTest {

    private static final List<Employee> EMPLOYEES = Chinook.DATA.rows(Employee.class);
    private static final Set<Object> LIVE_ARTISTS = Expect.ALBUMS.stream().filter(a -> a.title().contains("Live"))
            .map(a -> a.artist().id()).collect(Collectors.toSet());
    private static final Set<Object> BOSSES = EMPLOYEES.stream().filter(e -> e.reportsTo() != null)
            .map(e -> e.reportsTo().id()).collect(Collectors.toSet());

    @AllDatabases
    void inAValuesQuery(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        var liveArtists = db.objects(Album.class).filter("title__contains", "Live").values("artist");
        List<Artist> got = await(db.objects(Artist.class).filter("id__in", liveArtists).all());
        assertThat(Expect.ids(got, Artist::id)).isEqualTo(LIVE_ARTISTS.stream().map(id -> (Long) id).sorted().toList());
        assertThat(await(db.objects(Artist.class).exclude("id__in", liveArtists).count()))
                .isEqualTo(Expect.ARTISTS.size() - LIVE_ARTISTS.size());
        assertThat(await(db.objects(Artist.class).filter(Q.not(Q.of("id__in", liveArtists))).count()))
                .isEqualTo(Expect.ARTISTS.size() - LIVE_ARTISTS.size());
    }

    @AllDatabases
    void aModelQueryStandsForItsKeys(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Track> got = await(db.objects(Track.class)
                .filter("album__in", db.objects(Album.class).filter("artist__name", "Queen")).all());
        assertThat(Expect.ids(got, Track::id)).isEqualTo(Expect.trackIds(t -> Expect.artistOf(t).name().equals("Queen")))
                .isNotEmpty();
        // across a relation of the outer query
        long queenAlbums = await(db.objects(Album.class)
                .filter("artist__id__in", db.objects(Artist.class).filter("name__startswith", "Queen")).count());
        assertThat(queenAlbums).isEqualTo(Expect.ALBUMS.stream()
                .filter(a -> Expect.ARTIST.get((Long) a.artist().id()).name().startsWith("Queen")).count());
    }

    @AllDatabases
    void notInIsNullSafe(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        // the general manager's reportsTo is NULL; a plain NOT IN would match no row at all
        long notBosses = EMPLOYEES.stream().filter(e -> !BOSSES.contains(e.id())).count();
        assertThat(notBosses).isEqualTo(5);
        assertThat(await(db.objects(Employee.class).exclude("id__in", db.objects(Employee.class).values("reportsTo"))
                .count())).isEqualTo(notBosses);
    }

    @AllDatabases
    void subqueryMistakesAreBuildErrors(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThatThrownBy(() -> db.objects(Artist.class).filter("id", db.objects(Album.class).values("artist")))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.choices()).containsExactly("in"))
                .hasMessageContaining("Artist.id: a query is an operand of \"in\" only, not of \"eq\"");
        assertThatThrownBy(() -> db.objects(Artist.class).filter("id__in", db.objects(Album.class).values("artist", "title")))
                .isInstanceOf(FieldException.class)
                .hasMessageContaining("an \"in\" subquery selects exactly one path, Album query selects [artist, title]");
        assertThatThrownBy(() -> db.objects(Artist.class).filter("id__in", db.objects(Album.class).values("title")))
                .isInstanceOf(FieldException.class)
                .hasMessageContaining("Album.title is TEXT, id is INT");
    }

    @AllDatabases
    void inUpdateAndDeleteFilters(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class, Album.class, Employee.class))) {
            int renamed = await(db.objects(Artist.class)
                    .filter("id__in", db.objects(Album.class).filter("title__contains", "Live").values("artist"))
                    .update(Map.of("name", "has a live album")));
            assertThat(renamed).isEqualTo(LIVE_ARTISTS.size());
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM artist a WHERE a.name = 'has a live album' AND EXISTS"
                    + " (SELECT 1 FROM album b WHERE b.artist_id = a.id AND b.title LIKE '%Live%')")).isEqualTo(LIVE_ARTISTS.size());
            // the subquery reads the table being written (MySQL/MariaDB need a derived table for that)
            int gone = await(db.objects(Employee.class).exclude("id__in", db.objects(Employee.class).values("reportsTo"))
                    .delete());
            assertThat(gone).isEqualTo(5);
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM employee")).isEqualTo(BOSSES.size());
        }
    }
}
