package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.F;
import io.oxyde.Oxyde;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Customer;
import io.oxyde.chinook.Invoice;
import io.oxyde.chinook.Track;
import io.oxyde.exception.FieldException;
import io.oxyde.expression.Abs;
import io.oxyde.expression.Cast;
import io.oxyde.expression.Coalesce;
import io.oxyde.expression.Concat;
import io.oxyde.expression.Count;
import io.oxyde.expression.Extract;
import io.oxyde.expression.Length;
import io.oxyde.expression.Literal;
import io.oxyde.expression.Lower;
import io.oxyde.expression.Now;
import io.oxyde.expression.Round;
import io.oxyde.expression.Substr;
import io.oxyde.expression.Trim;
import io.oxyde.expression.Upper;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scalar functions in annotate (filtered, ordered, read through values, grouped by), as filter
 * operands and update values, on the three databases; expected values computed in Java from the
 * Chinook JSON.
 */
class FunctionsTest {

    private static final List<Customer> CUSTOMERS = Chinook.DATA.rows(Customer.class);
    private static final List<Invoice> INVOICES = Chinook.DATA.rows(Invoice.class);

    private static <K> Map<Object, Object> column(List<Map<String, Object>> rows, String key) {
        return rows.stream().collect(Collectors.toMap(r -> r.get("id"), r -> r.get(key)));
    }

    @AllDatabases
    void textFunctions(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThat(await(db.objects(Artist.class).annotate("lname", Lower.of("name")).filter("lname", "ac/dc").count()))
                .isEqualTo(1L);
        assertThat(await(db.objects(Artist.class).annotate("uname", Upper.of("name")).filter("uname", "AEROSMITH")
                .count())).isEqualTo(1L);
        var lengths = db.objects(Artist.class).annotate("len", Length.of("name"));
        long longNames = Expect.ARTISTS.stream().filter(a -> a.name().codePointCount(0, a.name().length()) > 40).count();
        assertThat(await(lengths.filter("len__gt", 40).count())).isEqualTo(longNames).isPositive();
        List<Long> longestFirst = Expect.ARTISTS.stream().sorted(java.util.Comparator
                .comparing((Artist a) -> -a.name().codePointCount(0, a.name().length())).thenComparing(Artist::id))
                .limit(5).map(Artist::id).toList();
        assertThat(await(lengths.orderBy("-len", "id").limit(5).all()).stream().map(Artist::id).toList())
                .isEqualTo(longestFirst);

        List<Map<String, Object>> rows = await(db.objects(Customer.class)
                .annotate("full", Concat.of("firstName", Literal.of(" "), "lastName"))
                .annotate("place", Coalesce.of("state", "country"))
                .annotate("initials", Substr.of("firstName", 1, 2))
                .annotate("trimmed", Trim.of(Concat.of(Literal.of("  "), "lastName", Literal.of(" "))))
                .values("id", "full", "place", "initials", "trimmed").all());
        assertThat(rows).hasSize(CUSTOMERS.size());
        Map<Object, Object> full = column(rows, "full");
        Map<Object, Object> place = column(rows, "place");
        Map<Object, Object> initials = column(rows, "initials");
        Map<Object, Object> trimmed = column(rows, "trimmed");
        for (Customer c : CUSTOMERS) {
            assertThat(full.get(c.id())).isEqualTo(c.firstName() + " " + c.lastName());
            assertThat(place.get(c.id())).isEqualTo(c.state() != null ? c.state() : c.country());
            assertThat(initials.get(c.id())).isEqualTo(c.firstName().substring(0, Math.min(2, c.firstName().length())));
            assertThat(trimmed.get(c.id())).isEqualTo(c.lastName().strip());
        }
        // a cast to text, compared with a text value
        assertThat(await(db.objects(Track.class).annotate("ms", Cast.of("milliseconds", Cast.Type.TEXT))
                .filter("ms", "343719").count())).isEqualTo(Expect.TRACKS.stream().filter(t -> t.milliseconds() == 343719)
                .count()).isPositive();
    }

    @AllDatabases
    void numericFunctions(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Map<String, Object>> rows = await(db.objects(Invoice.class)
                .annotate("rounded", Round.of("total"))
                .annotate("tenths", Round.of("total", 1))
                .annotate("abs", Abs.of(F.col("total").neg()))
                .values("id", "rounded", "tenths", "abs").all());
        Map<Object, Object> rounded = column(rows, "rounded");
        Map<Object, Object> tenths = column(rows, "tenths");
        Map<Object, Object> abs = column(rows, "abs");
        for (Invoice i : INVOICES) {
            assertThat(((Number) rounded.get(i.id())).doubleValue()).isEqualTo(i.total().setScale(0, RoundingMode.HALF_UP)
                    .doubleValue());
            assertThat(((Number) tenths.get(i.id())).doubleValue()).isEqualTo(i.total().setScale(1, RoundingMode.HALF_UP)
                    .doubleValue());
            assertThat(new java.math.BigDecimal(abs.get(i.id()).toString())).isEqualByComparingTo(i.total());
        }
        // filtering on a numeric function of a decimal compares numbers (decimals are text on SQLite)
        assertThat(await(db.objects(Invoice.class).annotate("r", Round.of("total")).filter("r__gte", 10).count()))
                .isEqualTo(INVOICES.stream().filter(i -> i.total().setScale(0, RoundingMode.HALF_UP).intValue() >= 10)
                        .count());
    }

    @AllDatabases
    void dateParts(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Map<String, Object>> rows = await(db.objects(Invoice.class)
                .annotate("y", Extract.of("invoiceDate", Extract.Part.YEAR))
                .annotate("m", Extract.of("invoiceDate", Extract.Part.MONTH))
                .annotate("d", Extract.of("invoiceDate", Extract.Part.DAY))
                .annotate("h", Extract.of("invoiceDate", Extract.Part.HOUR))
                .annotate("wd", Extract.of("invoiceDate", Extract.Part.WEEK_DAY))
                .values("id", "y", "m", "d", "h", "wd").all());
        Map<Object, Invoice> byId = INVOICES.stream().collect(Collectors.toMap(Invoice::id, Function.identity()));
        for (Map<String, Object> r : rows) {
            var date = byId.get(r.get("id")).invoiceDate();
            assertThat(((Number) r.get("y")).intValue()).isEqualTo(date.getYear());
            assertThat(((Number) r.get("m")).intValue()).isEqualTo(date.getMonthValue());
            assertThat(((Number) r.get("d")).intValue()).isEqualTo(date.getDayOfMonth());
            assertThat(((Number) r.get("h")).intValue()).isEqualTo(date.getHour());
            assertThat(((Number) r.get("wd")).intValue()).as("week day of %s", date)
                    .isEqualTo(date.getDayOfWeek().getValue() % 7 + 1);
        }
        // grouping by a date part: invoices per year
        List<Map<String, Object>> perYear = await(db.objects(Invoice.class)
                .annotate("year", Extract.of("invoiceDate", Extract.Part.YEAR))
                .values("year").annotate("n", Count.all()).orderBy("year").all());
        Map<Integer, Long> expected = new TreeMap<>(INVOICES.stream().collect(Collectors.groupingBy(
                i -> i.invoiceDate().getYear(), Collectors.counting())));
        assertThat(perYear).hasSize(expected.size());
        int k = 0;
        for (Map.Entry<Integer, Long> e : expected.entrySet()) {
            assertThat(((Number) perYear.get(k).get("year")).intValue()).isEqualTo(e.getKey());
            assertThat(((Number) perYear.get(k).get("n")).longValue()).isEqualTo(e.getValue());
            k++;
        }
        // Now as a filter operand: every invoice is in the past
        assertThat(await(db.objects(Invoice.class).filter("invoiceDate__lt", Now.of()).count()))
                .isEqualTo((long) INVOICES.size());
    }

    @AllDatabases
    void inUpdatesAndMistakes(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(io.oxyde.chinook.Artist.class))) {
            int n = await(db.objects(Artist.class).filter("name__startswith", "A")
                    .update(Map.of("name", Upper.of(Concat.of("name", Literal.of("!"))))));
            long expected = Expect.ARTISTS.stream().filter(a -> a.name().startsWith("A")).count();
            assertThat(n).isEqualTo(expected);
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM artist WHERE name = 'AEROSMITH!'")).isEqualTo(1L);
            assertThatThrownBy(() -> db.objects(Artist.class).annotate("x", Lower.of("nope")))
                    .isInstanceOf(FieldException.class);
            assertThatThrownBy(() -> db.objects(Artist.class).filter("name__contains", Lower.of("name")))
                    .isInstanceOf(FieldException.class).hasMessageContaining("a function is compared with eq");
            assertThatThrownBy(() -> Substr.of("name", 1).args().add("x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
