package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.F;
import io.oxyde.Oxyde;
import io.oxyde.chinook.Invoice;
import io.oxyde.chinook.Track;
import io.oxyde.exception.FieldException;
import io.oxyde.expression.Avg;
import io.oxyde.expression.Coalesce;
import io.oxyde.expression.Count;
import io.oxyde.expression.DenseRank;
import io.oxyde.expression.Lag;
import io.oxyde.expression.Lead;
import io.oxyde.expression.Literal;
import io.oxyde.expression.Rank;
import io.oxyde.expression.RowNumber;
import io.oxyde.expression.Sum;
import io.oxyde.expression.Window;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;

/**
 * Window functions (protocol revision 1.3) in annotate on model and values queries, ordered by,
 * nested in a function, and refused where SQL has no place for them (filters, grouped queries,
 * updates), on the three databases; expected values computed in Java from the Chinook JSON.
 */
class WindowsTest {

    private static final List<Invoice> INVOICES = Chinook.DATA.rows(Invoice.class);

    private static Map<Object, Object> column(List<Map<String, Object>> rows, String key) {
        Map<Object, Object> out = new HashMap<>();
        rows.forEach(r -> out.put(((Number) r.get("id")).longValue(), r.get(key)));
        return out;
    }

    private static long asLong(Object o) {
        return ((Number) o).longValue();
    }

    /** Chinook's tracks grouped by album, each album's in (milliseconds, id) order. */
    private static Map<Long, List<Track>> tracksByAlbumAndLength() {
        return Expect.TRACKS.stream().sorted(Comparator.comparingInt(Track::milliseconds).thenComparing(Track::id))
                .collect(Collectors.groupingBy(t -> (Long) t.album().id(), Collectors.toList()));
    }

    /** Chinook's invoices grouped by customer, each customer's in (invoiceDate, id) order. */
    private static Map<Long, List<Invoice>> invoicesByCustomerAndDate() {
        return INVOICES.stream().sorted(Comparator.comparing(Invoice::invoiceDate).thenComparing(Invoice::id))
                .collect(Collectors.groupingBy(i -> (Long) i.customer().id(), Collectors.toList()));
    }

    @AllDatabases
    void rowNumberCountAndNeighboursWithinAnAlbum(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Map<String, Object>> rows = await(db.objects(Track.class)
                .annotate("n", Window.of(RowNumber.of()).partitionBy("album").orderBy("milliseconds", "id"))
                .annotate("tracks", Window.of(Count.all()).partitionBy("album"))
                .annotate("shorter", Window.of(Lag.of("id")).partitionBy("album").orderBy("milliseconds", "id"))
                .annotate("twoLonger", Window.of(Lead.of("id", 2)).partitionBy("album").orderBy("milliseconds", "id"))
                .annotate("avgLength", Window.of(Avg.of("milliseconds")).partitionBy("album"))
                .values("id", "n", "tracks", "shorter", "twoLonger", "avgLength").all());
        assertThat(rows).hasSize(Expect.TRACKS.size());
        Map<Object, Object> n = column(rows, "n");
        Map<Object, Object> tracks = column(rows, "tracks");
        Map<Object, Object> shorter = column(rows, "shorter");
        Map<Object, Object> twoLonger = column(rows, "twoLonger");
        Map<Object, Object> avg = column(rows, "avgLength");
        for (List<Track> album : tracksByAlbumAndLength().values()) {
            double mean = album.stream().mapToInt(Track::milliseconds).average().orElseThrow();
            for (int i = 0; i < album.size(); i++) {
                long id = album.get(i).id();
                assertThat(asLong(n.get(id))).as("row number of track " + id).isEqualTo(i + 1);
                assertThat(asLong(tracks.get(id))).isEqualTo(album.size());
                assertThat(shorter.get(id) == null ? null : asLong(shorter.get(id)))
                        .isEqualTo(i == 0 ? null : album.get(i - 1).id());
                assertThat(twoLonger.get(id) == null ? null : asLong(twoLonger.get(id)))
                        .isEqualTo(i + 2 < album.size() ? album.get(i + 2).id() : null);
                assertThat(((Number) avg.get(id)).doubleValue()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-3));
            }
        }
    }

    @AllDatabases
    void ranksRunningSumsAndThePreviousInvoice(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Map<String, Object>> rows = await(db.objects(Invoice.class)
                .annotate("rank", Window.of(Rank.of()).partitionBy("customer").orderBy("-total"))
                .annotate("dense", Window.of(DenseRank.of()).partitionBy("customer").orderBy("-total"))
                .annotate("running", Window.of(Sum.of("total")).partitionBy("customer").orderBy("invoiceDate", "id"))
                .annotate("previous", Coalesce.of(Window.of(Lag.of("total")).partitionBy("customer")
                        .orderBy("invoiceDate", "id"), Literal.of(0)))
                .values("id", "rank", "dense", "running", "previous").all());
        assertThat(rows).hasSize(INVOICES.size());
        Map<Object, Object> rank = column(rows, "rank");
        Map<Object, Object> dense = column(rows, "dense");
        Map<Object, Object> running = column(rows, "running");
        Map<Object, Object> previous = column(rows, "previous");
        for (List<Invoice> mine : invoicesByCustomerAndDate().values()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < mine.size(); i++) {
                Invoice inv = mine.get(i);
                sum = sum.add(inv.total());
                long higher = mine.stream().filter(o -> o.total().compareTo(inv.total()) > 0).count();
                long higherDistinct = mine.stream().map(Invoice::total).filter(t -> t.compareTo(inv.total()) > 0)
                        .map(BigDecimal::stripTrailingZeros).distinct().count();
                assertThat(asLong(rank.get(inv.id()))).as("rank of invoice " + inv.id()).isEqualTo(higher + 1);
                assertThat(asLong(dense.get(inv.id()))).isEqualTo(higherDistinct + 1);
                // SQLite sums decimals (text there) as REAL: equal at the column's scale
                assertThat(new BigDecimal(running.get(inv.id()).toString()).setScale(2, RoundingMode.HALF_UP))
                        .as("running total at invoice " + inv.id()).isEqualByComparingTo(sum);
                assertThat(new BigDecimal(previous.get(inv.id()).toString()))
                        .isEqualByComparingTo(i == 0 ? BigDecimal.ZERO : mine.get(i - 1).total());
            }
        }
    }

    @AllDatabases
    void orderingOnAWindowAnnotation(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        Window shortest = Window.of(RowNumber.of()).partitionBy("album").orderBy("milliseconds", "id");
        // a model query repeats the window in ORDER BY: the shortest track of each album first, by id
        List<Long> firsts = tracksByAlbumAndLength().values().stream().map(l -> l.get(0).id()).sorted().toList();
        List<Track> models = await(db.objects(Track.class).annotate("n", shortest).orderBy("n", "id")
                .limit(firsts.size()).all());
        assertThat(models.stream().map(Track::id).toList()).isEqualTo(firsts);
        // a values query orders by the alias
        List<Map<String, Object>> longest = await(db.objects(Track.class).annotate("n", shortest)
                .values("id", "n").orderBy("-n", "id").limit(3).all());
        List<long[]> numbered = new ArrayList<>();
        for (List<Track> album : tracksByAlbumAndLength().values()) {
            for (int i = 0; i < album.size(); i++) {
                numbered.add(new long[] {album.get(i).id(), i + 1});
            }
        }
        numbered.sort(Comparator.comparingLong((long[] x) -> -x[1]).thenComparingLong(x -> x[0]));
        assertThat(longest.stream().map(r -> List.of(asLong(r.get("id")), asLong(r.get("n")))).toList())
                .isEqualTo(numbered.stream().limit(3).map(x -> List.of(x[0], x[1])).toList());
        // a partition by a path across a foreign key joins it: the number of tracks of each track's artist
        List<Map<String, Object>> perArtist = await(db.objects(Track.class)
                .annotate("k", Window.of(Count.all()).partitionBy("album__artist")).values("id", "k").all());
        Map<Long, Long> tracksOfArtist = Expect.TRACKS.stream().collect(Collectors.groupingBy(
                t -> Expect.artistOf(t).id(), Collectors.counting()));
        Map<Object, Object> k = column(perArtist, "k");
        for (Track t : Expect.TRACKS) {
            assertThat(asLong(k.get(t.id()))).isEqualTo(tracksOfArtist.get(Expect.artistOf(t).id()));
        }
    }

    @AllDatabases
    void refusedWhereSqlHasNoPlaceForAWindow(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        Window n = Window.of(RowNumber.of()).partitionBy("album").orderBy("milliseconds");
        assertThatThrownBy(() -> db.objects(Track.class).annotate("n", n).filter("n", 1))
                .isInstanceOf(FieldException.class)
                .hasMessageContaining("annotation \"n\" holds a window function, which SQL computes after WHERE, so it"
                        + " cannot be filtered on");
        assertThatThrownBy(() -> db.objects(Track.class).annotate("n", n).exclude("n__gt", 1))
                .isInstanceOf(FieldException.class).hasMessageContaining("cannot be filtered on");
        assertThatThrownBy(() -> db.objects(Track.class).filter("milliseconds__gt", Coalesce.of(Window.of(Lag.of(
                "milliseconds")).orderBy("id"), Literal.of(0)))).isInstanceOf(FieldException.class)
                .hasMessageContaining("a window function cannot be a filter operand");
        assertThatThrownBy(() -> db.objects(Track.class).values("album").annotate("c", Count.all()).annotate("n", n))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("window annotation \"n\" and grouping (an aggregate annotation or groupBy) in one"
                        + " query are not supported");
        assertThatThrownBy(() -> db.objects(Track.class).values("album").annotate("n", n).annotate("c", Count.all()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("window annotation \"n\"");
        assertThatThrownBy(() -> await(db.objects(Track.class).update(Map.of("milliseconds", Coalesce.of(n, Literal.of(0))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be an update value");
        assertThatThrownBy(() -> db.objects(Track.class).annotate("s", Window.of(Sum.of("milliseconds").distinctValues())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a distinct aggregate over a window");
        assertThatThrownBy(() -> Window.of(RowNumber.of()).orderBy("?")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not random");
        assertThatThrownBy(() -> db.objects(Track.class).annotate("n", Window.of(RowNumber.of()).orderBy("nope")))
                .isInstanceOf(FieldException.class).hasMessageContaining("nope");
        // nothing reached the database: the data is as loaded
        assertThat(await(db.objects(Track.class).filter("milliseconds", F.col("milliseconds")).count()))
                .isEqualTo(Expect.TRACKS.size());
    }
}
