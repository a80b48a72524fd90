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
import io.oxyde.chinook.Employee_;
import io.oxyde.chinook.Playlist;
import io.oxyde.chinook.PlaylistTrack;
import io.oxyde.chinook.Track;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Django's rules for relation paths, on the full Chinook data: INNER joins only where every
 * condition needs a row, LEFT joins for {@code isnull=true} and across nullable foreign keys,
 * {@code exclude} across a to-many relation as a null-safe NOT IN subquery, {@code
 * relation__isnull} on every kind of relation. Each case runs as {@code exclude}, as {@code
 * Q.not} and in update/delete filters; the expected numbers come from the source JSON.
 */
class RelationPathSemanticsTest {

    private static final List<Employee> EMPLOYEES = Chinook.DATA.rows(Employee.class);
    private static final List<PlaylistTrack> LINKS = Chinook.DATA.rows(PlaylistTrack.class);
    private static final Set<Object> ARTISTS_WITH_ALBUMS = Expect.ALBUMS.stream().map(a -> a.artist().id())
            .collect(Collectors.toSet());
    private static final Set<Object> ARTISTS_WITH_LIVE = Expect.ALBUMS.stream().filter(a -> a.title().contains("Live"))
            .map(a -> a.artist().id()).collect(Collectors.toSet());
    private static final long WITHOUT_ALBUMS = Expect.ARTISTS.stream().filter(a -> !ARTISTS_WITH_ALBUMS.contains(a.id())).count();
    private static final long WITHOUT_LIVE = Expect.ARTISTS.stream().filter(a -> !ARTISTS_WITH_LIVE.contains(a.id())).count();

    private static String bossName(Employee e) {
        return e.reportsTo() == null ? null : EMPLOYEES.stream().filter(b -> b.id().equals(e.reportsTo().id()))
                .findFirst().orElseThrow().lastName();
    }

    @AllDatabases
    void isnullAcrossAReverseForeignKeyIsALeftJoin(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThat(WITHOUT_ALBUMS).isEqualTo(71);
        assertThat(await(db.objects(Artist.class).filter("albums__id__isnull", true).count())).isEqualTo(WITHOUT_ALBUMS);
        assertThat(await(db.objects(Artist.class).filter("albums__title__isnull", true).count())).isEqualTo(WITHOUT_ALBUMS);
        List<Long> ids = Expect.ids(await(db.objects(Artist.class).filter("albums__isnull", true).all()), Artist::id);
        assertThat(ids).isEqualTo(Expect.ARTISTS.stream().filter(a -> !ARTISTS_WITH_ALBUMS.contains(a.id()))
                .map(Artist::id).sorted().toList());
        assertThat(await(db.objects(Artist.class).filter("albums__isnull", false).distinct().count()))
                .isEqualTo(Expect.ARTISTS.size() - WITHOUT_ALBUMS);
        // negated: the complement, each artist once (a subquery, not a join)
        assertThat(await(db.objects(Artist.class).exclude("albums__isnull", true).count()))
                .isEqualTo(Expect.ARTISTS.size() - WITHOUT_ALBUMS);
        assertThat(await(db.objects(Artist.class).exclude("albums__id__isnull", true).count()))
                .isEqualTo(Expect.ARTISTS.size() - WITHOUT_ALBUMS);
        assertThat(await(db.objects(Artist.class).filter(Q.not(Q.of("albums__isnull", true))).count()))
                .isEqualTo(Expect.ARTISTS.size() - WITHOUT_ALBUMS);
        assertThat(await(db.objects(Artist.class).exclude(Q.not(Q.of("albums__id__isnull", true))).count()))
                .isEqualTo(WITHOUT_ALBUMS);
    }

    @AllDatabases
    void isnullOnManyToManyAndForeignKeyRelations(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        Set<Object> withTracks = LINKS.stream().map(l -> l.playlist().id()).collect(Collectors.toSet());
        List<Playlist> playlists = Chinook.DATA.rows(Playlist.class);
        long empty = playlists.stream().filter(p -> !withTracks.contains(p.id())).count();
        assertThat(empty).isEqualTo(4);
        assertThat(await(db.objects(Playlist.class).filter("tracks__isnull", true).count())).isEqualTo(empty);
        assertThat(await(db.objects(Playlist.class).exclude("tracks__isnull", true).count())).isEqualTo(playlists.size() - empty);
        long noBoss = EMPLOYEES.stream().filter(e -> e.reportsTo() == null).count();
        assertThat(await(db.objects(Employee.class).filter("reportsTo__isnull", true).count())).isEqualTo(noBoss);
        assertThat(await(db.objects(Employee.class).exclude("reportsTo__isnull", true).count()))
                .isEqualTo(EMPLOYEES.size() - noBoss);
    }

    @AllDatabases
    void isnullAcrossANullableForeignKeyKeepsRowsWithoutTarget(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        long expected = EMPLOYEES.stream().filter(e -> bossName(e) == null).count();
        assertThat(expected).isEqualTo(1);
        assertThat(await(db.objects(Employee.class).filter("reportsTo__lastName__isnull", true).count())).isEqualTo(expected);
        assertThat(await(db.objects(Employee.class).filter("reportsTo__lastName__isnull", true).get()).lastName())
                .isEqualTo("Adams");
        assertThat(await(db.objects(Employee.class).exclude("reportsTo__lastName__isnull", true).count()))
                .isEqualTo(EMPLOYEES.size() - expected);
    }

    @AllDatabases
    void excludeAcrossANullableForeignKeyKeepsRowsWithoutTarget(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Long> expected = EMPLOYEES.stream().filter(e -> !"Adams".equals(bossName(e))).map(Employee::id).toList();
        assertThat(expected).hasSize(6);
        assertThat(Expect.ids(await(db.objects(Employee.class).exclude("reportsTo__lastName", "Adams").all()), Employee::id))
                .isEqualTo(expected);
        assertThat(await(db.objects(Employee.class).filter(Q.not(Q.of("reportsTo__lastName", "Adams"))).count()))
                .isEqualTo(6);
        assertThat(await(db.objects(Employee.class).filter(Q.of("reportsTo__lastName", "Adams").not()
                .and(Q.of("id__gt", 0))).count())).isEqualTo(6);
        // the typed form builds the same condition
        assertThat(await(db.objects(Employee.class).exclude(Employee_.REPORTS_TO.then(Employee_.LAST_NAME).eq("Adams"))
                .count())).isEqualTo(6);
        assertThat(await(db.objects(Employee.class).filter(Employee_.REPORTS_TO.then(Employee_.LAST_NAME).isNull())
                .count())).isEqualTo(1);
        // double negation is the filter again: the two who report to Adams
        assertThat(await(db.objects(Employee.class).exclude(Q.not(Q.of("reportsTo__lastName", "Adams"))).count()))
                .isEqualTo(EMPLOYEES.size() - 6);
        // a nullable column of the model itself: exclude keeps the rows where it is NULL
        long notManagers = EMPLOYEES.stream().filter(e -> !Objects.equals(e.title(), "General Manager")).count();
        assertThat(await(db.objects(Employee.class).exclude("title", "General Manager").count())).isEqualTo(notManagers);
    }

    @AllDatabases
    void anOrWithABranchThatNeedsNoRowKeepsRowsWithoutTarget(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Long> expected = EMPLOYEES.stream().filter(e -> "Adams".equals(bossName(e)) || "General Manager".equals(e.title()))
                .map(Employee::id).toList();
        assertThat(expected).hasSize(3);
        assertThat(Expect.ids(await(db.objects(Employee.class)
                .filter(Q.of("reportsTo__lastName", "Adams").or(Q.of("title", "General Manager"))).all()), Employee::id))
                .isEqualTo(expected);
        // every branch needs the row: still an inner join, same answer as the JSON
        assertThat(await(db.objects(Employee.class).filter(Q.of("reportsTo__lastName", "Adams")
                .or(Q.of("reportsTo__lastName", "Edwards"))).count()))
                .isEqualTo(EMPLOYEES.stream().filter(e -> "Adams".equals(bossName(e)) || "Edwards".equals(bossName(e))).count());
    }

    @AllDatabases
    void excludeAcrossAToManyRelationIsANotInSubquery(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThat(WITHOUT_LIVE).isEqualTo(264);
        assertThat(await(db.objects(Artist.class).exclude("albums__title__contains", "Live").distinct().count()))
                .isEqualTo(WITHOUT_LIVE);
        List<Artist> got = await(db.objects(Artist.class).exclude("albums__title__contains", "Live").all());
        assertThat(Expect.ids(got, Artist::id)).isEqualTo(Expect.ARTISTS.stream()
                .filter(a -> !ARTISTS_WITH_LIVE.contains(a.id())).map(Artist::id).sorted().toList());
        assertThat(await(db.objects(Artist.class).filter(Q.not(Q.of("albums__title__contains", "Live"))).count()))
                .isEqualTo(WITHOUT_LIVE);
        // many-to-many, two hops past the relation
        Set<Object> withJazz = LINKS.stream()
                .filter(l -> "Jazz".equals(Expect.genreName(Expect.TRACKS.get((int) (long) (Long) l.track().id() - 1))))
                .map(l -> l.playlist().id()).collect(Collectors.toSet());
        long noJazz = Chinook.DATA.rows(Playlist.class).stream().filter(p -> !withJazz.contains(p.id())).count();
        assertThat(noJazz).isEqualTo(14);
        assertThat(await(db.objects(Playlist.class).exclude("tracks__genre__name", "Jazz").count())).isEqualTo(noJazz);
        // a forward foreign key before the to-many hop: albums whose artist has no live album
        long albums = Expect.ALBUMS.stream().filter(a -> !ARTISTS_WITH_LIVE.contains(a.artist().id())).count();
        assertThat(await(db.objects(Album.class).exclude("artist__albums__title__contains", "Live").count())).isEqualTo(albums);
    }

    @AllDatabases
    void relationPathMistakesNameWhatFits(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThatThrownBy(() -> db.objects(Artist.class).filter("albums__gte", 3))
                .isInstanceOfSatisfying(FieldException.class, e -> {
                    assertThat(e.model()).isEqualTo(Artist.class);
                    assertThat(e.field()).isEqualTo("albums");
                    assertThat(e.choices()).containsExactly("isnull");
                }).hasMessageContaining("lookup \"gte\" does not apply to the to-many relation \"albums\"");
        assertThatThrownBy(() -> db.objects(Artist.class).filter("albums__nope", 3))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.choices())
                        .contains("title", "artist", "isnull").doesNotContain("exact", "gte"))
                .hasMessageContaining("Album.nope: unknown field in path \"albums__nope\"");
        assertThatThrownBy(() -> db.objects(Artist.class).filter("albums", 3))
                .isInstanceOf(FieldException.class).hasMessageContaining("ends on the to-many relation \"albums\"");
        assertThatThrownBy(() -> db.objects(Track.class).filter("album__nope", 3))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.choices()).contains("title", "isnull", "in"))
                .hasMessageContaining("Album.nope");
        assertThatThrownBy(() -> db.objects(Artist.class).filter("albums__title__nope", 3))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.choices()).contains("contains").doesNotContain("title"))
                .hasMessageContaining("Album.title__nope: unknown lookup");
    }

    @AllDatabases
    void theSameRulesApplyInUpdateAndDeleteFilters(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class, Album.class, Employee.class))) {
            int renamed = await(db.objects(Artist.class).exclude("albums__title__contains", "Live")
                    .update(Map.of("name", "no live album")));
            assertThat(renamed).isEqualTo(WITHOUT_LIVE);
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM artist a WHERE a.name = 'no live album' AND NOT EXISTS"
                    + " (SELECT 1 FROM album b WHERE b.artist_id = a.id AND b.title LIKE '%Live%')")).isEqualTo(WITHOUT_LIVE);
            int deleted = await(db.objects(Artist.class).filter(Q.not(Q.not(Q.of("albums__isnull", true)))).delete());
            assertThat(deleted).isEqualTo(WITHOUT_ALBUMS);
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM artist")).isEqualTo(Expect.ARTISTS.size() - WITHOUT_ALBUMS);
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM artist a WHERE NOT EXISTS"
                    + " (SELECT 1 FROM album b WHERE b.artist_id = a.id)")).isZero();
            int notAdams = await(db.objects(Employee.class).exclude("reportsTo__lastName", "Adams")
                    .update(Map.of("city", "Elsewhere")));
            assertThat(notAdams).isEqualTo(6);
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM employee WHERE city = 'Elsewhere'")).isEqualTo(6);
            int gone = await(db.objects(Employee.class).filter("reportsTo__lastName__isnull", true).delete());
            assertThat(gone).isEqualTo(1);
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM employee WHERE last_name = 'Adams'")).isZero();
        }
    }
}
