package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.F;
import io.oxyde.Oxyde;
import io.oxyde.Q;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.Album_;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Artist_;
import io.oxyde.chinook.Employee;
import io.oxyde.chinook.Employee_;
import io.oxyde.chinook.InvoiceLine;
import io.oxyde.chinook.InvoiceLine_;
import io.oxyde.chinook.Track;
import io.oxyde.chinook.Track_;
import io.oxyde.exception.FieldException;
import io.oxyde.expression.Case;
import io.oxyde.expression.Count;
import io.oxyde.expression.Exists;
import io.oxyde.expression.Literal;
import io.oxyde.expression.Lower;
import io.oxyde.expression.OuterRef;
import io.oxyde.expression.Upper;
import io.oxyde.metamodel.Assignments;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The typed metamodel's expressions (issue 18): column comparisons and arithmetic
 * ({@code Track_.BYTES.lt(Track_.MILLISECONDS.mul(20))}), subqueries of the same value type,
 * functions, {@code Case} and {@code OuterRef} over metamodel fields. Each runs on every
 * database, equals its string twin, and equals the answer computed from the Chinook JSON.
 */
class TypedExpressionsTest {

    @AllDatabases
    void columnComparisonsAndArithmetic(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        long small = await(db.objects(Track.class).filter(Track_.BYTES.lt(Track_.MILLISECONDS.mul(20))).count());
        assertThat(small).isEqualTo(await(db.objects(Track.class).filter("bytes__lt", F.col("milliseconds").mul(20)).count()))
                .isEqualTo(Expect.TRACKS.stream().filter(t -> t.bytes() != null && t.bytes() < t.milliseconds() * 20L).count())
                .isPositive();

        // across a foreign key: invoice lines sold at the track's list price
        long atList = await(db.objects(InvoiceLine.class)
                .filter(InvoiceLine_.UNIT_PRICE.eq(InvoiceLine_.TRACK.then(Track_.UNIT_PRICE))).count());
        Map<Long, Track> tracks = Expect.TRACKS.stream().collect(Collectors.toMap(Track::id, t -> t));
        List<InvoiceLine> lines = Chinook.DATA.rows(InvoiceLine.class);
        assertThat(atList).isEqualTo(lines.stream()
                .filter(l -> l.unitPrice().compareTo(tracks.get((Long) l.track().id()).unitPrice()) == 0).count())
                .isEqualTo(await(db.objects(InvoiceLine.class).filter("unitPrice", F.col("track__unitPrice")).count()));

        // an expression on both sides: more than 200 bytes per millisecond plus a 1 MB header
        long dense = await(db.objects(Track.class).filter(Track_.BYTES.gt(Track_.MILLISECONDS.mul(200).add(1_000_000))).count());
        assertThat(dense).isEqualTo(Expect.TRACKS.stream()
                .filter(t -> t.bytes() != null && t.bytes() - 1_000_000L > t.milliseconds() * 200L).count()).isPositive();

        // dates against dates of the same row: every employee was hired after being born
        List<Employee> employees = Chinook.DATA.rows(Employee.class);
        assertThat(await(db.objects(Employee.class).filter(Employee_.HIRE_DATE.gt(Employee_.BIRTH_DATE)).count()))
                .isEqualTo(employees.stream().filter(e -> e.hireDate().isAfter(e.birthDate())).count())
                .isEqualTo(employees.size());
        assertThat(await(db.objects(Employee.class).filter(Employee_.HIRE_DATE.lte(Employee_.BIRTH_DATE)).count())).isZero();
    }

    @AllDatabases
    void subqueriesOfTheSameValueType(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        var liveArtistIds = db.objects(Album.class).filter(Album_.TITLE.contains("Live"))
                .flatValues(Album_.ARTIST.then(Artist_.ID));
        List<Long> typed = Expect.ids(await(db.objects(Artist.class).filter(Artist_.ID.in(liveArtistIds))
                .orderBy(Artist_.ID.asc()).all()), Artist::id);
        Set<Long> expected = new HashSet<>();
        for (Album a : Expect.ALBUMS) {
            if (a.title().contains("Live")) {
                expected.add((Long) a.artist().id());
            }
        }
        assertThat(typed).isNotEmpty().containsExactlyElementsOf(expected.stream().sorted().toList());
        // under exclude the subquery stays null-safe: every other artist
        assertThat(await(db.objects(Artist.class).exclude(Artist_.ID.in(liveArtistIds)).count()))
                .isEqualTo(Expect.ARTISTS.size() - expected.size());
        // text against a text subquery: tracks whose genre is named like one of genres 1-5 (the
        // names stay distinct under MySQL's case- and accent-insensitive collations)
        var firstGenreNames = db.objects(io.oxyde.chinook.Genre.class).filter(io.oxyde.chinook.Genre_.ID.lte(5))
                .flatValues(io.oxyde.chinook.Genre_.NAME);
        Set<String> names = Expect.GENRES.stream().filter(g -> g.id() <= 5).map(io.oxyde.chinook.Genre::name)
                .collect(Collectors.toSet());
        assertThat(await(db.objects(Track.class).filter(Track_.GENRE.then(io.oxyde.chinook.Genre_.NAME).in(firstGenreNames))
                .count())).isEqualTo(Expect.TRACKS.stream().filter(t -> names.contains(Expect.genreName(t))).count())
                .isPositive();
        // a correlated subquery with a typed OuterRef
        var albumsOf = db.objects(Album.class).filter("artist", OuterRef.of(Artist_.ID));
        long withAlbums = Expect.ARTISTS.stream().filter(ar -> Expect.ALBUMS.stream()
                .anyMatch(al -> al.artist().id().equals(ar.id()))).count();
        assertThat(await(db.objects(Artist.class).filter(Exists.of(albumsOf)).count())).isEqualTo(withAlbums);
    }

    @AllDatabases
    void functionsAndCaseOverMetamodelFields(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThat(await(db.objects(Artist.class).annotate("lname", Lower.of(Artist_.NAME)).filter("lname", "ac/dc").count()))
                .isEqualTo(Expect.ARTISTS.stream().filter(a -> a.name().toLowerCase(Locale.ROOT).equals("ac/dc")).count())
                .isEqualTo(1);
        List<Map<String, Object>> sizes = await(db.objects(Track.class)
                .annotate("size", Case.when(Track_.MILLISECONDS.gt(300_000), Literal.of("long"))
                        .orWhen(Track_.MILLISECONDS.gt(180_000), Literal.of("medium")).otherwise(Literal.of("short")))
                .values("size").annotate("n", Count.all()).orderBy("size").all());
        Map<String, Long> expected = Expect.TRACKS.stream().collect(Collectors.groupingBy(
                t -> t.milliseconds() > 300_000 ? "long" : t.milliseconds() > 180_000 ? "medium" : "short",
                Collectors.counting()));
        assertThat(sizes).hasSize(3);
        for (Map<String, Object> row : sizes) {
            assertThat(((Number) row.get("n")).longValue()).as("%s", row).isEqualTo(expected.get((String) row.get("size")));
        }
        // the same query with Q conditions gives the same rows
        assertThat(sizes).isEqualTo(await(db.objects(Track.class)
                .annotate("size", Case.when(Q.of("milliseconds__gt", 300_000), Literal.of("long"))
                        .orWhen(Q.of("milliseconds__gt", 180_000), Literal.of("medium")).otherwise(Literal.of("short")))
                .values("size").annotate("n", Count.all()).orderBy("size").all()));
        // a field of another model is refused, naming both models
        assertThatThrownBy(() -> await(db.objects(Track.class).annotate("x", Lower.of(Album_.TITLE)).count()))
                .isInstanceOf(FieldException.class).hasMessageContaining("a field of Album");
    }

    @AllDatabases
    void windowsOverMetamodelFields(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Map<String, Object>> typed = await(db.objects(Track.class).filter(Track_.ALBUM.then(Album_.ID).lte(3))
                .values("id", "album")
                .annotate("n", io.oxyde.expression.Window.of(io.oxyde.expression.RowNumber.of()).partitionBy(Track_.ALBUM)
                        .orderBy(Track_.MILLISECONDS.desc(), Track_.ID.asc()))
                .annotate("prev", io.oxyde.expression.Window.of(io.oxyde.expression.Lag.of(Track_.MILLISECONDS))
                        .partitionBy(Track_.ALBUM).orderBy(Track_.ID.asc()))
                .orderBy("id").all());
        List<Map<String, Object>> strings = await(db.objects(Track.class).filter("album__id__lte", 3)
                .values("id", "album")
                .annotate("n", io.oxyde.expression.Window.of(io.oxyde.expression.RowNumber.of()).partitionBy("album")
                        .orderBy("-milliseconds", "id"))
                .annotate("prev", io.oxyde.expression.Window.of(io.oxyde.expression.Lag.of("milliseconds"))
                        .partitionBy("album").orderBy("id"))
                .orderBy("id").all());
        assertThat(typed).isNotEmpty().isEqualTo(strings);
        // against the JSON: the longest track of each album is number 1
        for (Map<String, Object> row : typed) {
            long id = ((Number) row.get("id")).longValue();
            Track t = Expect.TRACKS.stream().filter(x -> x.id() == id).findFirst().orElseThrow();
            long longer = Expect.TRACKS.stream().filter(x -> x.album() != null && x.album().id().equals(t.album().id())
                    && (x.milliseconds() > t.milliseconds() || (x.milliseconds() == t.milliseconds() && x.id() < t.id())))
                    .count();
            assertThat(((Number) row.get("n")).longValue()).as("track %d", id).isEqualTo(longer + 1);
        }
    }

    @AllDatabases
    void typedExpressionsAsUpdateValues(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.freshMusic(tdb)) {
            List<Track> before = Chinook.SMALL_TRACKS;
            int n = await(db.objects(Track.class).filter(Track_.ALBUM.then(Album_.ID).eq(1))
                    .update(Assignments.of(Track_.MILLISECONDS, Track_.MILLISECONDS.sub(Track_.ID).mul(2))
                            .set(Track_.NAME, Upper.of(Track_.NAME))));
            List<Track> album1 = before.stream().filter(t -> (Long) t.album().id() == 1L).toList();
            assertThat(n).isEqualTo(album1.size()).isPositive();
            for (Track t : album1) {
                Track now = await(db.objects(Track.class).get(Track_.ID.eq(t.id())));
                assertThat(now.milliseconds()).isEqualTo((t.milliseconds() - t.id().intValue()) * 2);
                assertThat(now.name()).isEqualTo(t.name().toUpperCase(Locale.ROOT));
            }
            Track other = before.stream().filter(t -> (Long) t.album().id() == 2L).findFirst().orElseThrow();
            assertThat(await(db.objects(Track.class).get(Track_.ID.eq(other.id())))).isEqualTo(other);
        }
    }
}
