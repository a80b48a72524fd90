package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import io.oxyde.Q;
import io.oxyde.Query;
import io.oxyde.Ref;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Customer;
import io.oxyde.chinook.Employee;
import io.oxyde.chinook.Invoice;
import io.oxyde.chinook.Track;
import io.oxyde.exception.OxydeException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Every lookup of the query builder on the full Chinook data, against expectations computed from the JSON. */
class FilterLookupsTest {

    private static List<Long> ids(Query<Track> q) {
        return Expect.ids(await(q.all()), Track::id);
    }

    private static void check(Oxyde db, Query<Track> q, Predicate<Track> expected) {
        assertThat(ids(q)).isEqualTo(Expect.trackIds(expected));
    }

    @AllDatabases
    void exactAndEq(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        check(db, db.objects(Track.class).filter("milliseconds", 343719), t -> t.milliseconds() == 343719);
        check(db, db.objects(Track.class).filter("milliseconds__exact", 343719), t -> t.milliseconds() == 343719);
        check(db, db.objects(Track.class).filter("name__eq", "Balls to the Wall"), t -> t.name().equals("Balls to the Wall"));
    }

    @AllDatabases
    void notEqualKeepsNullRows(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        String c = "AC/DC";
        check(db, db.objects(Track.class).filter("composer__ne", c), t -> !c.equals(t.composer()));
    }

    @AllDatabases
    void comparisons(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        check(db, db.objects(Track.class).filter("milliseconds__gt", 600_000), t -> t.milliseconds() > 600_000);
        check(db, db.objects(Track.class).filter("milliseconds__gte", 343719).filter("milliseconds__lte", 350000),
                t -> t.milliseconds() >= 343719 && t.milliseconds() <= 350000);
        check(db, db.objects(Track.class).filter("milliseconds__lt", 10_000), t -> t.milliseconds() < 10_000);
        check(db, db.objects(Track.class).filter("unitPrice__gt", new BigDecimal("0.99")),
                t -> t.unitPrice().compareTo(new BigDecimal("0.99")) > 0);
    }

    @AllDatabases
    void inAndRange(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        check(db, db.objects(Track.class).filter("id__in", List.of(1, 5, 99, 100_000)),
                t -> List.of(1L, 5L, 99L).contains(t.id()));
        check(db, db.objects(Track.class).filter("id__in", List.of()), t -> false);
        check(db, db.objects(Track.class).filter("bytes__range", List.of(100_000, 200_000)),
                t -> t.bytes() != null && t.bytes() >= 100_000 && t.bytes() <= 200_000);
        check(db, db.objects(Track.class).filter("milliseconds__between", new Integer[] {1000, 5000}),
                t -> t.milliseconds() >= 1000 && t.milliseconds() <= 5000);
    }

    @AllDatabases
    void isNull(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        check(db, db.objects(Track.class).filter("composer__isnull", true), t -> t.composer() == null);
        check(db, db.objects(Track.class).filter("composer__isnull", false), t -> t.composer() != null);
        check(db, db.objects(Track.class).filter("composer", null), t -> t.composer() == null);
    }

    @AllDatabases
    void containsFamily(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        check(db, db.objects(Track.class).filter("name__contains", "Love"), t -> t.name().contains("Love"));
        check(db, db.objects(Track.class).filter("name__icontains", "love"),
                t -> t.name().toLowerCase(Locale.ROOT).contains("love"));
        check(db, db.objects(Track.class).filter("name__startswith", "The"), t -> t.name().startsWith("The"));
        check(db, db.objects(Track.class).filter("name__istartswith", "the"),
                t -> t.name().toLowerCase(Locale.ROOT).startsWith("the"));
        check(db, db.objects(Track.class).filter("name__endswith", "Blues"), t -> t.name().endsWith("Blues"));
        check(db, db.objects(Track.class).filter("name__iendswith", "BLUES"),
                t -> t.name().toLowerCase(Locale.ROOT).endsWith("blues"));
        check(db, db.objects(Track.class).filter("name__iexact", "BALLS TO THE WALL"),
                t -> t.name().equalsIgnoreCase("Balls to the Wall"));
        check(db, db.objects(Track.class).filter("name__contains", "100%"), t -> t.name().contains("100%"));
    }

    @AllDatabases
    void dateParts(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Invoice> all = Chinook.DATA.rows(Invoice.class);
        assertThat(Expect.ids(await(db.objects(Invoice.class).filter("invoiceDate__year", 2022).all()), Invoice::id))
                .isEqualTo(all.stream().filter(i -> i.invoiceDate().getYear() == 2022).map(Invoice::id).sorted().toList());
        assertThat(Expect.ids(await(db.objects(Invoice.class).filter("invoiceDate__month", 3).all()), Invoice::id))
                .isEqualTo(all.stream().filter(i -> i.invoiceDate().getMonthValue() == 3).map(Invoice::id).sorted().toList());
        assertThat(Expect.ids(await(db.objects(Invoice.class).filter("invoiceDate__day", 11).all()), Invoice::id))
                .isEqualTo(all.stream().filter(i -> i.invoiceDate().getDayOfMonth() == 11).map(Invoice::id).sorted().toList());
        List<Employee> emps = Chinook.DATA.rows(Employee.class);
        assertThat(Expect.ids(await(db.objects(Employee.class).filter("birthDate__year", 1962).all()), Employee::id))
                .isEqualTo(emps.stream().filter(e -> e.birthDate().getYear() == 1962).map(Employee::id).sorted().toList())
                .isNotEmpty();
        assertThatThrownBy(() -> db.objects(Employee.class).filter("birthDate__year__gte", 1970))
                .isInstanceOf(io.oxyde.exception.FieldException.class).hasMessageContaining("Employee").hasMessageContaining("year");
    }

    @AllDatabases
    void regexOnServersRefusedOnSqlite(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        Query<Track> regex = db.objects(Track.class).filter("name__regex", "^The .*s$");
        Query<Track> iregex = db.objects(Track.class).filter("name__iregex", "^the .*S$");
        if (tdb.kind() == DatabaseKind.SQLITE) {
            assertThatThrownBy(() -> await(regex.all())).isInstanceOf(OxydeException.class).hasMessageContaining("regex");
            return;
        }
        check(db, regex, t -> t.name().matches("^The .*s$"));
        check(db, iregex, t -> t.name().toLowerCase(Locale.ROOT).matches("^the .*s$"));
    }

    @AllDatabases
    void qObjectsAndExclude(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        check(db, db.objects(Track.class).filter(Q.of("milliseconds__lt", 20_000).or(Q.of("milliseconds__gt", 2_000_000))),
                t -> t.milliseconds() < 20_000 || t.milliseconds() > 2_000_000);
        check(db, db.objects(Track.class).filter(Q.and(Q.of("genre", 1), Q.not(Q.of("composer__isnull", true)))),
                t -> t.genre() != null && (Long) t.genre().id() == 1L && t.composer() != null);
        check(db, db.objects(Track.class).filter("genre", 1).exclude("milliseconds__lt", 300_000),
                t -> (Long) t.genre().id() == 1L && !(t.milliseconds() < 300_000));
        check(db, db.objects(Track.class).exclude(Q.of("composer__isnull", true)).filter("album", 1),
                t -> t.composer() != null && (Long) t.album().id() == 1L);
    }

    @AllDatabases
    void foreignKeyTraversal(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        check(db, db.objects(Track.class).filter("album__artist__name", "Queen"), t -> Expect.artistOf(t).name().equals("Queen"));
        check(db, db.objects(Track.class).filter("genre__name", "Rock").filter("milliseconds__gte", 300_000),
                t -> "Rock".equals(Expect.genreName(t)) && t.milliseconds() >= 300_000);
        check(db, db.objects(Track.class).filter("album__title__startswith", "Greatest"),
                t -> Expect.ALBUM.get((Long) t.album().id()).title().startsWith("Greatest"));
        List<Customer> customers = Chinook.DATA.rows(Customer.class);
        List<Employee> emps = Chinook.DATA.rows(Employee.class);
        Employee jane = emps.stream().filter(e -> e.firstName().equals("Jane")).findFirst().orElseThrow();
        assertThat(Expect.ids(await(db.objects(Customer.class).filter("supportRep__firstName", "Jane").all()), Customer::id))
                .isEqualTo(customers.stream().filter(c -> c.supportRep().id().equals(jane.id())).map(Customer::id).sorted().toList());
    }

    @AllDatabases
    void foreignKeyByIdRefOrModel(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Long> expected = Expect.ALBUMS.stream().filter(a -> (Long) a.artist().id() == 22L).map(Album::id).sorted().toList();
        assertThat(Expect.ids(await(db.objects(Album.class).filter("artist", 22L).all()), Album::id)).isEqualTo(expected);
        assertThat(Expect.ids(await(db.objects(Album.class).filter("artist", Ref.id(Artist.class, 22L)).all()), Album::id))
                .isEqualTo(expected);
        assertThat(Expect.ids(await(db.objects(Album.class).filter("artist", Expect.ARTIST.get(22L)).all()), Album::id))
                .isEqualTo(expected);
        assertThat(Expect.ids(await(db.objects(Album.class).filter("artist__id__in", List.of(22, 50)).all()), Album::id))
                .isEqualTo(Expect.ALBUMS.stream().filter(a -> List.of(22L, 50L).contains((Long) a.artist().id()))
                        .map(Album::id).sorted().toList());
    }

    @AllDatabases
    void mapFilterAndChaining(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        Query<Track> base = db.objects(Track.class).filter("genre", 1);
        Query<Track> narrower = base.filter(java.util.Map.of("mediaType", 2));
        check(db, base, t -> (Long) t.genre().id() == 1L);
        check(db, narrower, t -> (Long) t.genre().id() == 1L && (Long) t.mediaType().id() == 2L);
    }
}
