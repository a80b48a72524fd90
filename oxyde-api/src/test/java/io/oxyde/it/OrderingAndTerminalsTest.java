package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.oxyde.exception.MultipleObjectsReturnedException;
import io.oxyde.exception.NotFoundException;
import io.oxyde.Oxyde;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.Invoice;
import io.oxyde.chinook.Track;
import io.oxyde.exception.OxydeException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Ordering, slicing, partial selects and the reading terminals on the full Chinook data. */
class OrderingAndTerminalsTest {

    private static final Comparator<Track> BY_LENGTH_DESC = Comparator.comparingInt(Track::milliseconds).reversed()
            .thenComparing(Track::id);

    @AllDatabases
    void orderByDescendingWithTieBreakAndLimit(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Track> got = await(db.objects(Track.class).orderBy("-milliseconds", "id").limit(10).all());
        assertThat(got).isEqualTo(Expect.TRACKS.stream().sorted(BY_LENGTH_DESC).limit(10).toList());
    }

    @AllDatabases
    void offsetAndSlice(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Track> sorted = Expect.TRACKS.stream().sorted(BY_LENGTH_DESC).toList();
        assertThat(await(db.objects(Track.class).orderBy("-milliseconds", "id").offset(20).limit(5).all()))
                .isEqualTo(sorted.subList(20, 25));
        assertThat(await(db.objects(Track.class).orderBy("-milliseconds", "id").slice(100, 103).all()))
                .isEqualTo(sorted.subList(100, 103));
        assertThat(await(db.objects(Track.class).orderBy("id").offset(3500).all())).hasSize(3);
    }

    @AllDatabases
    void orderAcrossForeignKey(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Long> got = await(db.objects(Track.class).filter("milliseconds__gt", 1_000_000)
                .orderBy("-album__id", "id").all()).stream().map(Track::id).toList();
        List<Long> expected = Expect.TRACKS.stream().filter(t -> t.milliseconds() > 1_000_000)
                .sorted(Comparator.comparing((Track t) -> (Long) t.album().id()).reversed().thenComparing(Track::id))
                .map(Track::id).toList();
        assertThat(got).isEqualTo(expected);
    }

    @AllDatabases
    void randomOrderReturnsEveryRowOnce(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Album> got = await(db.objects(Album.class).filter("artist", 90).orderBy("?").all());
        assertThat(Expect.ids(got, Album::id)).isEqualTo(Expect.ALBUMS.stream()
                .filter(a -> (Long) a.artist().id() == 90L).map(Album::id).sorted().toList());
    }

    @AllDatabases
    void firstAndLast(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThat(await(db.objects(Track.class).first())).contains(Expect.TRACKS.get(0));
        assertThat(await(db.objects(Track.class).last())).contains(Expect.TRACKS.get(Expect.TRACKS.size() - 1));
        Track longest = Expect.TRACKS.stream().sorted(BY_LENGTH_DESC).findFirst().orElseThrow();
        assertThat(await(db.objects(Track.class).orderBy("milliseconds", "-id").last())).contains(longest);
        assertThat(await(db.objects(Track.class).filter("milliseconds__lt", 0).first())).isEmpty();
    }

    @AllDatabases
    void getFindsOneOrFailsPrecisely(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThat(await(db.objects(Track.class).get("id", 1))).isEqualTo(Expect.TRACKS.get(0));
        assertThatThrownBy(() -> await(db.objects(Track.class).get("id", -1))).isInstanceOf(NotFoundException.class)
                .isInstanceOf(OxydeException.class).hasMessageContaining("Track");
        assertThatThrownBy(() -> await(db.objects(Track.class).get("genre", 1)))
                .isInstanceOf(MultipleObjectsReturnedException.class).hasMessageContaining("Track");
        assertThat(await(db.objects(Track.class).getOrNone("id", -1))).isEmpty();
        assertThat(await(db.objects(Track.class).getOrNone("id", 2))).contains(Expect.TRACKS.get(1));
    }

    @AllDatabases
    void countAndExists(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThat(await(db.objects(Track.class).filter("genre__name", "Jazz").count()))
                .isEqualTo(Expect.TRACKS.stream().filter(t -> "Jazz".equals(Expect.genreName(t))).count());
        assertThat(await(db.objects(Track.class).filter("genre__name", "Jazz").limit(7).count())).isEqualTo(7L);
        assertThat(await(db.objects(Track.class).filter("name", "Balls to the Wall").exists())).isTrue();
        assertThat(await(db.objects(Track.class).filter("name", "No Such Track").exists())).isFalse();
    }

    @AllDatabases
    void sumAvgMinMax(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Invoice> invoices = Chinook.DATA.rows(Invoice.class);
        BigDecimal total = invoices.stream().map(Invoice::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(await(db.objects(Invoice.class).sum("total"))).isEqualByComparingTo(total);
        BigDecimal germany = invoices.stream().filter(i -> "Germany".equals(i.billingCountry())).map(Invoice::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(await(db.objects(Invoice.class).filter("billingCountry", "Germany").sum("total")))
                .isEqualByComparingTo(germany);
        double avg = Expect.TRACKS.stream().mapToInt(Track::milliseconds).average().orElseThrow();
        assertThat(await(db.objects(Track.class).avg("milliseconds")).doubleValue()).isCloseTo(avg, within(0.01)); // a BigDecimal since issue 19
        Integer min = await(db.objects(Track.class).min("milliseconds"));
        Integer max = await(db.objects(Track.class).max("milliseconds"));
        assertThat(min).isEqualTo(Expect.TRACKS.stream().mapToInt(Track::milliseconds).min().orElseThrow());
        assertThat(max).isEqualTo(Expect.TRACKS.stream().mapToInt(Track::milliseconds).max().orElseThrow());
        BigDecimal maxPrice = await(db.objects(Track.class).max("unitPrice"));
        assertThat(maxPrice).isEqualByComparingTo("1.99");
        assertThat((Integer) await(db.objects(Track.class).filter("id", -1).max("milliseconds"))).isNull();
        assertThat(await(db.objects(Invoice.class).filter("id", -1).sum("total"))).isNull();
    }

    @AllDatabases
    void partialSelectAndDistinct(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        Track partial = await(db.objects(Track.class).select("name").get("id", 1));
        assertThat(partial.id()).isEqualTo(1L);
        assertThat(partial.name()).isEqualTo(Expect.TRACKS.get(0).name());
        assertThat(partial.composer()).isNull();
        assertThat(partial.unitPrice()).isNull();
        List<Object> countries = await(db.objects(Invoice.class).flatValues("billingCountry").distinct().all());
        assertThat(countries).containsExactlyInAnyOrderElementsOf(Chinook.DATA.rows(Invoice.class).stream()
                .map(Invoice::billingCountry).distinct().toList());
    }

    @AllDatabases
    void queriesAreImmutableAndLazy(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        var base = db.objects(Track.class).filter("genre", 1);
        var limited = base.limit(1);
        assertThat(await(base.count())).isEqualTo(Expect.TRACKS.stream().filter(t -> (Long) t.genre().id() == 1L).count());
        assertThat(await(limited.all())).hasSize(1);
        Optional<Track> none = await(base.filter("id", -5).first());
        assertThat(none).isEmpty();
    }
}
