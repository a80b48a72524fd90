package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.F;
import io.oxyde.exception.FieldException;
import io.oxyde.Oxyde;
import io.oxyde.Q;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Employee;
import io.oxyde.chinook.Invoice;
import io.oxyde.chinook.InvoiceLine;
import io.oxyde.chinook.Track;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code F} in filters: a column compared with an expression over columns, across foreign
 * keys, negated, and in update/delete filters, on the full Chinook data; expected values from
 * the source JSON and, after writes, hand-written SQL.
 */
class FilterExpressionsTest {

    private static final List<Employee> EMPLOYEES = Chinook.DATA.rows(Employee.class);
    private static final long SMALL_FILES = Expect.TRACKS.stream()
            .filter(t -> t.bytes() < (long) t.milliseconds() * 20).count();

    @AllDatabases
    void columnAgainstArithmetic(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThat(SMALL_FILES).isEqualTo(309);
        assertThat(await(db.objects(Track.class).filter("bytes__lt", F.col("milliseconds").mul(20)).count()))
                .isEqualTo(SMALL_FILES);
        assertThat(await(db.objects(Track.class).exclude("bytes__lt", F.col("milliseconds").mul(20)).count()))
                .isEqualTo(Expect.TRACKS.size() - SMALL_FILES);
        assertThat(await(db.objects(Track.class).filter(Q.not(Q.of("bytes__lt", F.col("milliseconds").mul(20)))).count()))
                .isEqualTo(Expect.TRACKS.size() - SMALL_FILES);
    }

    @AllDatabases
    void decimalsAgainstColumnsAcrossForeignKeys(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        List<Invoice> invoices = Chinook.DATA.rows(Invoice.class);
        // SQLite keeps decimals as text: the comparison must be numeric there
        long above = invoices.stream().filter(i -> i.total().compareTo(BigDecimal.valueOf((Long) i.customer().id())) > 0)
                .count();
        assertThat(above).isEqualTo(32);
        assertThat(await(db.objects(Invoice.class).filter("total__gt", F.col("customer__id")).count())).isEqualTo(above);
        List<InvoiceLine> lines = Chinook.DATA.rows(InvoiceLine.class);
        long listPrice = lines.stream().filter(l -> l.unitPrice().compareTo(
                Expect.TRACKS.get((int) (long) (Long) l.track().id() - 1).unitPrice()) == 0).count();
        assertThat(await(db.objects(InvoiceLine.class).filter("unitPrice", F.col("track__unitPrice")).count()))
                .isEqualTo(listPrice);
    }

    @AllDatabases
    void negatedAcrossANullableForeignKeyKeepsRowsWithoutTarget(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        long bossHasLowerId = EMPLOYEES.stream().filter(e -> e.reportsTo() != null && (Long) e.reportsTo().id() < e.id())
                .count();
        assertThat(await(db.objects(Employee.class).filter("reportsTo__id__lt", F.col("id")).count())).isEqualTo(bossHasLowerId);
        assertThat(await(db.objects(Employee.class).exclude("reportsTo__id__lt", F.col("id")).get()).lastName())
                .isEqualTo("Adams");
    }

    @AllDatabases
    void mistakesAreBuildErrors(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        assertThatThrownBy(() -> db.objects(Track.class).filter("name__contains", F.col("composer")))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.choices()).contains("gt", "ne"))
                .hasMessageContaining("Track.name: an F expression is compared with eq, ne, gt, gte, lt or lte, not with \"contains\"");
        assertThatThrownBy(() -> db.objects(Track.class).filter("name__gt", F.col("milliseconds")))
                .isInstanceOf(FieldException.class).hasMessageContaining("milliseconds is INT, name is TEXT");
        assertThatThrownBy(() -> db.objects(Track.class).filter("milliseconds__gt", F.col("name").add(1)))
                .isInstanceOf(FieldException.class).hasMessageContaining("needs numeric fields: name is TEXT");
        assertThatThrownBy(() -> db.objects(Track.class).filter("milliseconds__gt", F.col("bytes").add("1")))
                .isInstanceOf(FieldException.class).hasMessageContaining("needs numbers, got String 1");
        assertThatThrownBy(() -> db.objects(Track.class).filter("milliseconds__gt", F.col("nope")))
                .isInstanceOf(FieldException.class).hasMessageContaining("Track.nope");
        assertThatThrownBy(() -> db.objects(Artist.class).exclude("albums__id__gt", F.col("id")))
                .isInstanceOf(FieldException.class).hasMessageContaining("cannot be negated");
    }

    @AllDatabases
    void inUpdateAndDeleteFilters(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.freshMusic(tdb)) {
            long expected = Chinook.SMALL_TRACKS.stream().filter(t -> t.bytes() < (long) t.milliseconds() * 20).count();
            int renamed = await(db.objects(Track.class).filter("bytes__lt", F.col("milliseconds").mul(20))
                    .update(Map.of("composer", "small file")));
            assertThat(renamed).isEqualTo(expected);
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM track WHERE composer = 'small file'"
                    + " AND bytes < milliseconds * 20")).isEqualTo(expected);
        }
    }

    @AllDatabases
    void deleteAcrossAForeignKey(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Employee.class))) {
            int gone = await(db.objects(Employee.class).exclude("reportsTo__id__lt", F.col("id")).delete());
            assertThat(gone).isEqualTo(1);
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM employee WHERE last_name = 'Adams'")).isZero();
            assertThat(WritesTest.scalar(tdb, "SELECT COUNT(*) FROM employee")).isEqualTo(EMPLOYEES.size() - 1);
        }
    }
}
