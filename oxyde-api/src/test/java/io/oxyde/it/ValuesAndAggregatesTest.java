package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.expression.Avg;
import io.oxyde.expression.Count;
import io.oxyde.expression.Max;
import io.oxyde.Oxyde;
import io.oxyde.expression.Sum;
import io.oxyde.chinook.Invoice;
import io.oxyde.chinook.Track;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** values(), valuesList(), flatValues() and annotate/groupBy/having on the full Chinook data. */
class ValuesAndAggregatesTest {

    private static BigDecimal dec(Object o) {
        return o instanceof BigDecimal b ? b.setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(((Number) o).doubleValue()).setScale(2, RoundingMode.HALF_UP);
    }

    @AllDatabases
    void valuesAsMapsListsAndFlat(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Map<String, Object>> maps = await(db.objects(Track.class).filter("id__lte", 3).orderBy("id")
                .values("id", "name", "album__title").all());
        assertThat(maps).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Track t = Expect.TRACKS.get(i);
            assertThat(maps.get(i)).containsEntry("id", t.id()).containsEntry("name", t.name())
                    .containsEntry("album__title", Expect.ALBUM.get((Long) t.album().id()).title());
        }
        List<List<Object>> lists = await(db.objects(Track.class).filter("id", 1).valuesList("name", "milliseconds").all());
        assertThat(lists).containsExactly(List.of(Expect.TRACKS.get(0).name(), 343719L));
        List<Object> flat = await(db.objects(Track.class).filter("album", 1).orderBy("id").flatValues("id").all());
        assertThat(flat).isEqualTo(Expect.TRACKS.stream().filter(t -> (Long) t.album().id() == 1L).map(t -> (Object) t.id()).toList());
    }

    @AllDatabases
    void annotateSumPerCountryOrderedByTotal(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Map<String, Object>> rows = await(db.objects(Invoice.class).values("billingCountry")
                .annotate("total", Sum.of("total")).orderBy("-total").limit(5).all());
        Map<String, BigDecimal> expected = Chinook.DATA.rows(Invoice.class).stream().collect(Collectors.groupingBy(
                Invoice::billingCountry, Collectors.reducing(BigDecimal.ZERO, Invoice::total, BigDecimal::add)));
        List<Map.Entry<String, BigDecimal>> top = expected.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()).limit(5).toList();
        assertThat(rows).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(rows.get(i).get("billingCountry")).isEqualTo(top.get(i).getKey());
            assertThat(dec(rows.get(i).get("total"))).isEqualByComparingTo(top.get(i).getValue());
        }
    }

    @AllDatabases
    void countPerGenreAcrossForeignKeyWithHaving(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Map<String, Object>> rows = await(db.objects(Track.class).values("genre__name")
                .annotate("n", Count.all()).having("n__gt", 100).orderBy("-n").all());
        Map<String, Long> counts = Expect.TRACKS.stream().collect(Collectors.groupingBy(Expect::genreName,
                Collectors.counting()));
        Map<String, Long> expected = new LinkedHashMap<>();
        counts.entrySet().stream().filter(e -> e.getValue() > 100)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> expected.put(e.getKey(), e.getValue()));
        Map<String, Long> got = new LinkedHashMap<>();
        rows.forEach(r -> got.put((String) r.get("genre__name"), ((Number) r.get("n")).longValue()));
        assertThat(got).containsExactlyEntriesOf(expected);
    }

    @AllDatabases
    void severalAggregatesAndDistinctCount(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        Map<String, Object> row = await(db.objects(Track.class).filter("album", 1).values("album")
                .annotate("n", Count.all()).annotate("longest", Max.of("milliseconds"))
                .annotate("avgMs", Avg.of("milliseconds")).annotate("composers", Count.of("composer").distinctValues())
                .first()).orElseThrow();
        assertThat(row.get("album")).isEqualTo(1L);
        List<Track> album1 = Expect.TRACKS.stream().filter(t -> (Long) t.album().id() == 1L).toList();
        assertThat(((Number) row.get("n")).longValue()).isEqualTo(album1.size());
        assertThat(((Number) row.get("longest")).longValue()).isEqualTo(album1.stream().mapToInt(Track::milliseconds).max().orElseThrow());
        assertThat(((Number) row.get("avgMs")).doubleValue()).isCloseTo(album1.stream().mapToInt(Track::milliseconds)
                .average().orElseThrow(), org.assertj.core.api.Assertions.within(0.5));
        assertThat(((Number) row.get("composers")).longValue()).isEqualTo(album1.stream().map(Track::composer)
                .filter(java.util.Objects::nonNull).distinct().count());
    }

    @AllDatabases
    void valuesFilteredAcrossRelationsAndCounted(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        var q = db.objects(Track.class).filter("album__artist__name", "Iron Maiden").values("album__title").distinct();
        long expected = Expect.TRACKS.stream().filter(t -> Expect.artistOf(t).name().equals("Iron Maiden"))
                .map(t -> Expect.ALBUM.get((Long) t.album().id()).title()).distinct().count();
        assertThat(await(q.count())).isEqualTo(expected);
        assertThat(await(q.all())).hasSize((int) expected);
        List<Object> longest = await(db.objects(Track.class).orderBy("-milliseconds", "id").limit(3).flatValues("name").all());
        assertThat(longest).isEqualTo(Expect.TRACKS.stream().sorted(Comparator.comparingInt(Track::milliseconds).reversed()
                .thenComparing(Track::id)).limit(3).map(t -> (Object) t.name()).toList());
    }
}
