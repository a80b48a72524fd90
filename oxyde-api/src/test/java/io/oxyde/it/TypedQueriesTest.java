package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.metamodel.Assignments;
import io.oxyde.expression.Count;
import io.oxyde.F;
import io.oxyde.expression.Max;
import io.oxyde.Oxyde;
import io.oxyde.Q;
import io.oxyde.Ref;
import io.oxyde.metamodel.Row2;
import io.oxyde.metamodel.Row3;
import io.oxyde.expression.Sum;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.Album_;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Artist_;
import io.oxyde.chinook.Customer_;
import io.oxyde.chinook.Employee;
import io.oxyde.chinook.Employee_;
import io.oxyde.chinook.Genre_;
import io.oxyde.chinook.Invoice;
import io.oxyde.chinook.Invoice_;
import io.oxyde.chinook.Playlist;
import io.oxyde.chinook.Playlist_;
import io.oxyde.chinook.Track;
import io.oxyde.chinook.Track_;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed twin of the main Chinook queries: each query is written with the generated
 * metamodel ({@code Track_}, {@code Album_}...) and with strings, runs on every database, and
 * both must give the same rows (and the rows must be the expected, non-empty ones). The
 * typed rows of {@code values(...)} come back in the model fields' Java types.
 */
class TypedQueriesTest {

    @AllDatabases
    void filtersAcrossForeignKeysWithJoinOrderAndLimit(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Track> typed = await(db.objects(Track.class).filter(Track_.GENRE.then(Genre_.NAME).eq("Rock"))
                .filter(Track_.MILLISECONDS.gte(300_000)).orderBy(Track_.MILLISECONDS.desc(), Track_.ID.asc()).limit(10)
                .join(Track_.ALBUM.then(Album_.ARTIST)).all());
        List<Track> strings = await(db.objects(Track.class).filter("genre__name", "Rock")
                .filter("milliseconds__gte", 300_000).orderBy("-milliseconds", "id").limit(10).join("album__artist").all());
        assertThat(typed).hasSize(10).isEqualTo(strings);
        assertThat(typed.get(0).album().get().artist().get().name())
                .isEqualTo(strings.get(0).album().get().artist().get().name());
        assertThat(typed.stream().map(Track::id).toList()).isEqualTo(Expect.TRACKS.stream()
                .filter(t -> "Rock".equals(Expect.genreName(t)) && t.milliseconds() >= 300_000)
                .sorted(java.util.Comparator.comparingInt(Track::milliseconds).reversed().thenComparing(Track::id))
                .limit(10).map(Track::id).toList());
    }

    @AllDatabases
    void textLookupsConditionsAndExclude(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Track> typed = await(db.objects(Track.class)
                .filter(Track_.MILLISECONDS.lt(60_000).or(Track_.BYTES.gt(500_000_000)))
                .exclude(Track_.GENRE.then(Genre_.NAME).in("Comedy", "Drama"))
                .filter(Track_.NAME.istartswith("a").or(Track_.COMPOSER.icontains("mercury")))
                .orderBy(Track_.ID.asc()).all());
        List<Track> strings = await(db.objects(Track.class)
                .filter(Q.of("milliseconds__lt", 60_000).or(Q.of("bytes__gt", 500_000_000)))
                .exclude(Q.of("genre__name__in", List.of("Comedy", "Drama")))
                .filter(Q.of("name__istartswith", "a").or(Q.of("composer__icontains", "mercury")))
                .orderBy("id").all());
        assertThat(typed).isNotEmpty().isEqualTo(strings);
        assertThat(typed.stream().map(Track::id).toList()).isEqualTo(Expect.trackIds(t ->
                (t.milliseconds() < 60_000 || (t.bytes() != null && t.bytes() > 500_000_000))
                        && !List.of("Comedy", "Drama").contains(Expect.genreName(t))
                        && (t.name().toLowerCase(java.util.Locale.ROOT).startsWith("a")
                        || (t.composer() != null && t.composer().toLowerCase(java.util.Locale.ROOT).contains("mercury")))));
        List<Track> composerless = await(db.objects(Track.class).filter(Track_.COMPOSER.isNull())
                .filter(Track_.ALBUM.eq(Ref.id(1L)).or(Track_.ALBUM.then(Album_.ID).between(2, 5))).all());
        assertThat(Expect.ids(composerless, Track::id)).isEqualTo(Expect.trackIds(t -> t.composer() == null
                && (Long) t.album().id() <= 5));
    }

    @AllDatabases
    void dateLookupsAndTerminals(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        LocalDateTime sample = Chinook.DATA.rows(Invoice.class).get(0).invoiceDate();
        int year = sample.getYear();
        int month = sample.getMonthValue();
        long typed = await(db.objects(Invoice.class).filter(Invoice_.INVOICE_DATE.year(year))
                .filter(Invoice_.INVOICE_DATE.month(month)).count());
        long strings = await(db.objects(Invoice.class).filter("invoiceDate__year", year)
                .filter("invoiceDate__month", month).count());
        assertThat(typed).isPositive().isEqualTo(strings);
        assertThat(typed).isEqualTo(Chinook.DATA.rows(Invoice.class).stream()
                .filter(i -> i.invoiceDate().getYear() == year && i.invoiceDate().getMonthValue() == month).count());
        BigDecimal usa = await(db.objects(Invoice.class).filter(Invoice_.BILLING_COUNTRY.eq("USA")).sum(Invoice_.TOTAL));
        assertThat(usa).isEqualByComparingTo(await(db.objects(Invoice.class).filter("billingCountry", "USA").sum("total")));
        Integer longest = await(db.objects(Track.class).max(Track_.MILLISECONDS));
        assertThat(longest).isEqualTo(Expect.TRACKS.stream().mapToInt(Track::milliseconds).max().orElseThrow());
        LocalDateTime first = await(db.objects(Invoice.class).min(Invoice_.INVOICE_DATE));
        assertThat(first).isEqualTo(Chinook.DATA.rows(Invoice.class).stream().map(Invoice::invoiceDate)
                .min(java.util.Comparator.naturalOrder()).orElseThrow());
        Track one = await(db.objects(Track.class).get(Track_.ID.eq(1)));
        assertThat(one).isEqualTo(await(db.objects(Track.class).get("id", 1)));
        Optional<Track> none = await(db.objects(Track.class).getOrNone(Track_.NAME.eq("No Such Song")));
        assertThat(none).isEmpty();
    }

    @AllDatabases
    void typedValuesComeBackInTheFieldTypes(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Row3<Long, String, String>> rows = await(db.objects(Track.class).filter(Track_.ID.lte(3))
                .orderBy(Track_.ID.asc()).values(Track_.ID, Track_.NAME, Track_.ALBUM.then(Album_.TITLE)).all());
        List<Map<String, Object>> maps = await(db.objects(Track.class).filter("id__lte", 3).orderBy("id")
                .values("id", "name", "album__title").all());
        assertThat(rows).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(rows.get(i)).isEqualTo(new Row3<>((Long) maps.get(i).get("id"), (String) maps.get(i).get("name"),
                    (String) maps.get(i).get("album__title")));
        }
        // An int field reads as Integer (the string API gives the database's Long), a decimal keeps its type.
        List<Row2<String, Integer>> lengths = await(db.objects(Track.class).filter(Track_.ID.eq(1))
                .values(Track_.NAME, Track_.MILLISECONDS).all());
        assertThat(lengths).containsExactly(new Row2<>(Expect.TRACKS.get(0).name(), 343719));
        Integer ms = lengths.get(0).second();
        assertThat(ms).isEqualTo(343719);
        List<BigDecimal> prices = await(db.objects(Track.class).filter(Track_.ID.lte(2)).orderBy(Track_.ID.asc())
                .flatValues(Track_.UNIT_PRICE).all());
        assertThat(prices).hasSize(2).allSatisfy(p -> assertThat(p).isEqualByComparingTo("0.99"));
        List<Row2<Long, Ref<Album>>> refs = await(db.objects(Track.class).filter(Track_.ID.eq(1))
                .values(Track_.ID, Track_.ALBUM).all());
        assertThat(refs.get(0).second()).isEqualTo(Expect.TRACKS.get(0).album());
        List<LocalDateTime> dates = await(db.objects(Invoice.class).filter(Invoice_.ID.lte(2)).orderBy(Invoice_.ID.asc())
                .flatValues(Invoice_.INVOICE_DATE).all());
        assertThat(dates).isEqualTo(Chinook.DATA.rows(Invoice.class).stream().filter(i -> i.id() <= 2)
                .map(Invoice::invoiceDate).toList());
        assertThatThrownBy(() -> db.objects(Track.class).values(Track_.NAME).annotate("n", Count.all()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("values(String...)");
    }

    @AllDatabases
    void aggregatesWithTypedFieldsMatchTheStringForm(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Map<String, Object>> typed = await(db.objects(Invoice.class).values("billingCountry")
                .annotate("total", Sum.of(Invoice_.TOTAL)).orderBy("-total").limit(5).all());
        List<Map<String, Object>> strings = await(db.objects(Invoice.class).values("billingCountry")
                .annotate("total", Sum.of("total")).orderBy("-total").limit(5).all());
        assertThat(typed).hasSize(5).isEqualTo(strings);
        List<Map<String, Object>> perGenre = await(db.objects(Track.class).values("genre__name")
                .annotate("n", Count.of(Track_.ID)).annotate("longest", Max.of(Track_.MILLISECONDS))
                .having("n__gt", 100).orderBy("-n").all());
        assertThat(perGenre).isNotEmpty().isEqualTo(await(db.objects(Track.class).values("genre__name")
                .annotate("n", Count.of("id")).annotate("longest", Max.of("milliseconds"))
                .having("n__gt", 100).orderBy("-n").all()));
        List<Map<String, Object>> albumsPerArtist = await(db.objects(Artist.class).filter(Artist_.ID.lte(10))
                .values("name").annotate("albums", Count.of(Artist_.ALBUMS.then(Album_.ID))).orderBy("name").all());
        assertThat(albumsPerArtist).hasSize(10).isEqualTo(await(db.objects(Artist.class).filter("id__lte", 10)
                .values("name").annotate("albums", Count.of("albums__id")).orderBy("name").all()));
        List<Map<String, Object>> grouped = await(db.objects(Track.class).filter(Track_.ALBUM.then(Album_.ID).lte(3))
                .values("album__title").annotate("n", Count.all()).groupBy(Track_.ALBUM.then(Album_.TITLE))
                .orderBy(Track_.ALBUM.then(Album_.TITLE).asc()).all());
        assertThat(grouped).hasSize(3).isEqualTo(await(db.objects(Track.class).filter("album__id__lte", 3)
                .values("album__title").annotate("n", Count.all()).groupBy("album__title").orderBy("album__title").all()));
    }

    @AllDatabases
    void prefetchAndToManyPaths(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Artist> typed = await(db.objects(Artist.class).filter(Artist_.ALBUMS.then(Album_.TITLE).contains("Live"))
                .distinct().orderBy(Artist_.ID.asc()).prefetch(Artist_.ALBUMS).all());
        List<Artist> strings = await(db.objects(Artist.class).filter("albums__title__contains", "Live")
                .distinct().orderBy("id").prefetch("albums").all());
        assertThat(typed).isNotEmpty().isEqualTo(strings);
        assertThat(typed.get(0).albums()).isEqualTo(strings.get(0).albums()).isNotEmpty();
        List<Playlist> jazz = await(db.objects(Playlist.class)
                .filter(Playlist_.TRACKS.then(Track_.GENRE).then(Genre_.NAME).eq("Jazz")).distinct()
                .orderBy(Playlist_.ID.asc()).all());
        assertThat(jazz).isNotEmpty().isEqualTo(await(db.objects(Playlist.class).filter("tracks__genre__name", "Jazz")
                .distinct().orderBy("id").all()));
        List<Employee> bosses = await(db.objects(Employee.class).orderBy(Employee_.ID.asc())
                .join(Employee_.REPORTS_TO).select(Employee_.LAST_NAME, Employee_.REPORTS_TO).all());
        assertThat(bosses).isEqualTo(await(db.objects(Employee.class).orderBy("id").join("reportsTo")
                .select("lastName", "reportsTo").all()));
        long customersOfJane = await(db.objects(Invoice.class)
                .filter(Invoice_.CUSTOMER.then(Customer_.SUPPORT_REP).then(Employee_.FIRST_NAME).eq("Jane")).count());
        assertThat(customersOfJane).isPositive().isEqualTo(await(db.objects(Invoice.class)
                .filter("customer__supportRep__firstName", "Jane").count()));
    }

    @AllDatabases
    void typedUpdatesAndExpressions(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.freshMusic(tdb)) {
            long acdc = Chinook.SMALL_TRACKS.stream().filter(t -> Expect.artistOf(t).name().equals("AC/DC")).count();
            int n = await(db.objects(Track.class).filter(Track_.ALBUM.then(Album_.ARTIST).then(Artist_.NAME).eq("AC/DC"))
                    .update(Assignments.of(Track_.UNIT_PRICE, F.col(Track_.UNIT_PRICE).mul(2)).set(Track_.COMPOSER, "AC/DC")));
            assertThat(n).isEqualTo((int) acdc).isPositive();
            List<Row2<BigDecimal, String>> changed = await(db.objects(Track.class).filter(Track_.ID.eq(1))
                    .values(Track_.UNIT_PRICE, Track_.COMPOSER).all());
            assertThat(changed.get(0).first()).isEqualByComparingTo("1.98");
            assertThat(changed.get(0).second()).isEqualTo("AC/DC");
            await(db.objects(Track.class).filter(Track_.ID.eq(2)).update(Assignments.of(Track_.BYTES, 1234)));
            assertThat(await(db.objects(Track.class).filter(Track_.ID.eq(2)).flatValues(Track_.BYTES).all()))
                    .containsExactly(1234);
            await(db.objects(Track.class).filter(Track_.ID.eq(1)).increment(Track_.MILLISECONDS, 10));
            assertThat(await(db.objects(Track.class).filter(Track_.ID.eq(1)).flatValues(Track_.MILLISECONDS).all()))
                    .containsExactly(343719 + 10);
            assertThatThrownBy(() -> Assignments.of(Track_.ALBUM.then(Album_.TITLE), "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("across a relation");
        }
    }
}
