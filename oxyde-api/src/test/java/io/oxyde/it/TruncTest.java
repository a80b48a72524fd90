package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import io.oxyde.chinook.Invoice;
import io.oxyde.chinook.InvoiceLine;
import io.oxyde.expression.Count;
import io.oxyde.expression.Sum;
import io.oxyde.expression.Trunc;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code Trunc} (protocol revision 1.3 functions trunc_year … trunc_minute): grouped by, filtered,
 * ordered, compared with a field and across a foreign key, a {@code LocalDateTime} on the three
 * databases; expected values from the Chinook JSON.
 */
class TruncTest {

    private static final List<Invoice> INVOICES = Chinook.DATA.rows(Invoice.class);
    private static final Map<Long, Invoice> INVOICE = INVOICES.stream().collect(Collectors.toMap(Invoice::id,
            Function.identity()));

    private static LocalDateTime year(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
    }

    private static LocalDateTime month(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
    }

    @AllDatabases
    void invoiceTotalsPerYear(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Map<String, Object>> rows = await(db.objects(Invoice.class)
                .annotate("year", Trunc.of("invoiceDate", Trunc.Part.YEAR))
                .values("year").annotate("total", Sum.of("total")).orderBy("year").all());
        Map<LocalDateTime, BigDecimal> expected = new TreeMap<>(INVOICES.stream().collect(Collectors.groupingBy(
                i -> year(i.invoiceDate()), Collectors.reducing(BigDecimal.ZERO, Invoice::total, BigDecimal::add))));
        Map<Object, BigDecimal> actual = new LinkedHashMap<>();
        rows.forEach(r -> actual.put(r.get("year"), new BigDecimal(r.get("total").toString())));
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((y, total) -> assertThat(actual.get(y)).as("total of " + y).isEqualByComparingTo(total));
        assertThat(rows.get(0).get("year")).isInstanceOf(LocalDateTime.class);
    }

    @AllDatabases
    void filteredOrderedAndCompared(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        LocalDateTime aMonth = month(INVOICES.get(INVOICES.size() / 2).invoiceDate()); // a month with invoices
        var byMonth = db.objects(Invoice.class).annotate("month", Trunc.of("invoiceDate", Trunc.Part.MONTH));
        assertThat(await(byMonth.filter("month", aMonth).count()))
                .isEqualTo(INVOICES.stream().filter(i -> month(i.invoiceDate()).equals(aMonth)).count()).isPositive();
        assertThat(await(byMonth.filter("month__lt", aMonth).count()))
                .isEqualTo(INVOICES.stream().filter(i -> month(i.invoiceDate()).isBefore(aMonth)).count());
        List<Map<String, Object>> latest = await(db.objects(Invoice.class)
                .annotate("day", Trunc.of("invoiceDate", Trunc.Part.DAY)).values("id", "day").orderBy("-day", "id")
                .limit(3).all());
        List<Invoice> expected = INVOICES.stream().sorted(Comparator.comparing((Invoice i) -> i.invoiceDate()
                .truncatedTo(ChronoUnit.DAYS)).reversed().thenComparing(Invoice::id)).limit(3).toList();
        for (int i = 0; i < 3; i++) {
            assertThat(latest.get(i)).containsEntry("id", expected.get(i).id())
                    .containsEntry("day", expected.get(i).invoiceDate().truncatedTo(ChronoUnit.DAYS));
        }
        // a field compared with a truncation: the invoices dated exactly on an hour
        assertThat(await(db.objects(Invoice.class).filter("invoiceDate", Trunc.of("invoiceDate", Trunc.Part.HOUR))
                .count())).isEqualTo(INVOICES.stream().filter(i -> i.invoiceDate().equals(i.invoiceDate()
                        .truncatedTo(ChronoUnit.HOURS))).count());
        assertThat(await(db.objects(Invoice.class).annotate("m", Trunc.of("invoiceDate", Trunc.Part.MINUTE))
                .filter("m", INVOICES.get(0).invoiceDate()).count()))
                .isEqualTo(INVOICES.stream().filter(i -> i.invoiceDate().truncatedTo(ChronoUnit.MINUTES)
                        .equals(INVOICES.get(0).invoiceDate())).count());
    }

    @AllDatabases
    void acrossAForeignKeyAndRefusedOnOtherTypes(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Map<String, Object>> rows = await(db.objects(InvoiceLine.class)
                .annotate("year", Trunc.of("invoice__invoiceDate", Trunc.Part.YEAR))
                .values("year").annotate("lines", Count.all()).orderBy("year").all());
        Map<LocalDateTime, Long> expected = new TreeMap<>(Chinook.DATA.rows(InvoiceLine.class).stream().collect(
                Collectors.groupingBy(l -> year(INVOICE.get((Long) l.invoice().id()).invoiceDate()), Collectors.counting())));
        Map<Object, Long> actual = new LinkedHashMap<>();
        rows.forEach(r -> actual.put(r.get("year"), ((Number) r.get("lines")).longValue()));
        assertThat(actual).isEqualTo(new LinkedHashMap<>(expected));
        assertThatThrownBy(() -> db.objects(Invoice.class).annotate("t", Trunc.of("total", Trunc.Part.YEAR)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Trunc(total) needs a date-time (a LocalDateTime field), found DECIMAL");
    }
}
