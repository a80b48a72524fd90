package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import io.oxyde.Q;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Employee;
import io.oxyde.chinook.Invoice;
import io.oxyde.chinook.Track;
import io.oxyde.exception.FieldException;
import io.oxyde.expression.Count;
import io.oxyde.expression.Exists;
import io.oxyde.expression.OuterRef;
import io.oxyde.expression.Subquery;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Correlated subqueries ({@code Exists}, {@code OuterRef}, {@code Subquery}) and annotations on
 * model queries ({@code annotate("n", Count.of("albums"))}), on the full Chinook data of the three
 * databases; expected values computed in Java from the source JSON.
 */
class CorrelatedSubqueryTest {

    private static final List<Invoice> INVOICES = Chinook.DATA.rows(Invoice.class);
    private static final Map<Object, Long> ALBUMS_PER_ARTIST = Expect.ALBUMS.stream()
            .collect(Collectors.groupingBy(a -> a.artist().id(), Collectors.counting()));

    @AllDatabases
    void existsAndNotExists(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        var albumsOfArtist = db.objects(Album.class).filter("artist", OuterRef.of("id"));
        List<Artist> got = await(db.objects(Artist.class).filter(Exists.of(albumsOfArtist)).all());
        List<Long> expected = Expect.ARTISTS.stream().filter(a -> ALBUMS_PER_ARTIST.containsKey(a.id()))
                .map(Artist::id).sorted().toList();
        assertThat(Expect.ids(got, Artist::id)).isEqualTo(expected).hasSize(204);
        assertThat(await(db.objects(Artist.class).exclude(Exists.of(albumsOfArtist)).count())).isEqualTo(71L);
        // combined with other conditions in Q, and narrowed inside the subquery
        long aOrLive = Expect.ARTISTS.stream().filter(a -> a.name().startsWith("A") || Expect.ALBUMS.stream()
                .anyMatch(al -> al.artist().id().equals(a.id()) && al.title().contains("Live"))).count();
        assertThat(await(db.objects(Artist.class).filter(Q.of(Exists.of(albumsOfArtist.filter("title__contains", "Live")))
                .or(Q.of("name__startswith", "A"))).count())).isEqualTo(aOrLive);
        // a values query works as well, and OuterRef may cross the outer model's foreign keys
        long tracksOfArtistsWithLive = Expect.TRACKS.stream().filter(t -> t.album() != null && Expect.ALBUMS.stream()
                .anyMatch(al -> al.artist().id().equals(Expect.ALBUM.get((Long) t.album().id()).artist().id())
                        && al.title().contains("Live"))).count();
        assertThat(await(db.objects(Track.class).filter(Exists.of(db.objects(Album.class)
                .filter("artist", OuterRef.of("album__artist")).filter("title__contains", "Live").values("id"))).count()))
                .isEqualTo(tracksOfArtistsWithLive).isPositive();
    }

    @AllDatabases
    void aSubqueryAsAFilterOperandOnTheSameTable(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        // each customer's first invoice: the subquery reads the outer table (its relations are renamed apart)
        var first = db.objects(Invoice.class).filter("customer", OuterRef.of("customer")).orderBy("invoiceDate", "id");
        List<Invoice> got = await(db.objects(Invoice.class).filter("id", Subquery.of(first.values("id").limit(1)))
                .orderBy("id").all());
        Map<Object, Invoice> firstOf = INVOICES.stream().collect(Collectors.toMap(i -> i.customer().id(),
                Function.identity(), (a, b) -> a.invoiceDate().isBefore(b.invoiceDate())
                        || a.invoiceDate().equals(b.invoiceDate()) && a.id() < b.id() ? a : b));
        List<Long> expected = firstOf.values().stream().map(Invoice::id).sorted().toList();
        assertThat(Expect.ids(got, Invoice::id)).isEqualTo(expected).hasSize(59);
        // under exclude: every other invoice
        assertThat(await(db.objects(Invoice.class).exclude("id", Subquery.of(first.values("id").limit(1))).count()))
                .isEqualTo(INVOICES.size() - 59L);
        // an ordering comparison with a decimal subquery (text on SQLite, compared as numbers)
        long larger = INVOICES.stream().filter(i -> i.total().compareTo(firstOf.get(i.customer().id()).total()) > 0)
                .count();
        assertThat(await(db.objects(Invoice.class).filter("total__gt", Subquery.of(first.values("total").limit(1)))
                .count())).isEqualTo(larger).isPositive();
    }

    @AllDatabases
    void aSubqueryAsAnAnnotation(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        var longest = db.objects(Track.class).filter("album", OuterRef.of("id")).orderBy("-milliseconds", "id")
                .values("name").limit(1);
        List<Map<String, Object>> rows = await(db.objects(Album.class).annotate("longest", Subquery.of(longest))
                .orderBy("id").values("id", "longest").all());
        Map<Object, String> expected = new TreeMap<>();
        Expect.TRACKS.stream().filter(t -> t.album() != null)
                .collect(Collectors.groupingBy(t -> t.album().id(), Collectors.minBy(Comparator
                        .comparing((Track t) -> -t.milliseconds()).thenComparing(Track::id))))
                .forEach((album, t) -> expected.put(album, t.orElseThrow().name()));
        assertThat(rows).hasSize(Expect.ALBUMS.size());
        for (Map<String, Object> row : rows) {
            assertThat(row.get("longest")).as("album %s", row.get("id")).isEqualTo(expected.get(row.get("id")));
        }
    }

    @AllDatabases
    void annotateAModelQueryWithAnAggregateOverARelation(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        var counted = db.objects(Artist.class).annotate("n", Count.of("albums"));
        List<Artist> got = await(counted.filter("n__gt", 5).orderBy("-n", "id").all());
        List<Long> expected = Expect.ARTISTS.stream().filter(a -> ALBUMS_PER_ARTIST.getOrDefault(a.id(), 0L) > 5)
                .sorted(Comparator.comparing((Artist a) -> -ALBUMS_PER_ARTIST.get(a.id())).thenComparing(Artist::id))
                .map(Artist::id).toList();
        assertThat(got.stream().map(Artist::id).toList()).isEqualTo(expected).isNotEmpty();
        // artists without albums count 0 (not NULL), under exclude too
        assertThat(await(counted.filter("n", 0).count())).isEqualTo(71L);
        assertThat(await(counted.exclude(Q.of("n", 0)).count())).isEqualTo(204L);
        // values() reads the annotation
        Map<Object, Object> byId = await(counted.values("id", "n").all()).stream()
                .collect(Collectors.toMap(r -> r.get("id"), r -> r.get("n")));
        for (Artist a : Expect.ARTISTS) {
            assertThat(((Number) byId.get(a.id())).longValue()).isEqualTo(ALBUMS_PER_ARTIST.getOrDefault(a.id(), 0L));
        }
    }

    @AllDatabases
    void inUpdateAndDeleteFilters(TestDatabase tdb) throws Exception {
        Set<Object> live = Expect.ALBUMS.stream().filter(a -> a.title().contains("Live")).map(a -> a.artist().id())
                .collect(Collectors.toSet());
        List<Employee> employees = Chinook.DATA.rows(Employee.class);
        Set<Object> bosses = employees.stream().filter(e -> e.reportsTo() != null).map(e -> e.reportsTo().id())
                .collect(Collectors.toSet());
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class, Album.class, Employee.class))) {
            int renamed = await(db.objects(Artist.class).filter(Exists.of(db.objects(Album.class)
                    .filter("artist", OuterRef.of("id")).filter("title__contains", "Live")))
                    .update(Map.of("name", "has a live album")));
            assertThat(renamed).isEqualTo(live.size());
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM artist a WHERE a.name = 'has a live album' AND EXISTS"
                    + " (SELECT 1 FROM album b WHERE b.artist_id = a.id AND b.title LIKE '%Live%')")).isEqualTo(live.size());
            // the subquery reads the table being written
            int gone = await(db.objects(Employee.class).exclude(Exists.of(db.objects(Employee.class)
                    .filter("reportsTo", OuterRef.of("id")))).delete());
            assertThat(gone).isEqualTo(employees.size() - bosses.size());
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM employee")).isEqualTo(bosses.size());
        }
    }

    @AllDatabases
    void mistakesAreBuildErrors(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThatThrownBy(() -> db.objects(Artist.class).filter(Exists.of(db.objects(Album.class)
                .filter("artist", OuterRef.of("name")))))
                .isInstanceOf(FieldException.class).hasMessageContaining("OuterRef(\"name\") is TEXT");
        assertThatThrownBy(() -> db.objects(Album.class).filter("title__contains", OuterRef.of("name")))
                .isInstanceOf(FieldException.class).hasMessageContaining("an OuterRef is compared with eq, ne");
        assertThatThrownBy(() -> db.objects(Invoice.class).filter("total",
                Subquery.of(db.objects(Invoice.class).values("id", "total"))))
                .isInstanceOf(FieldException.class).hasMessageContaining("a Subquery selects exactly one path");
        assertThatThrownBy(() -> db.objects(Invoice.class).filter("total",
                Subquery.of(db.objects(Invoice.class).values("billingCity").limit(1))))
                .isInstanceOf(FieldException.class).hasMessageContaining("must select values of its type");
        assertThatThrownBy(() -> db.objects(Artist.class).annotate("n", Count.of("name")))
                .isInstanceOf(FieldException.class).hasMessageContaining("aggregates over a to-many relation");
        assertThatThrownBy(() -> db.objects(Artist.class).annotate("name", Count.of("albums")))
                .isInstanceOf(FieldException.class).hasMessageContaining("clashes");
    }
}
