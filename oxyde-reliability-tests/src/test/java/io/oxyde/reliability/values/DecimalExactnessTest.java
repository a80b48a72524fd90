package io.oxyde.reliability.values;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.expression.Avg;
import io.oxyde.annotation.Column;
import io.oxyde.F;
import io.oxyde.annotation.Id;
import io.oxyde.migration.Migrations;
import io.oxyde.Oxyde;
import io.oxyde.expression.Sum;
import io.oxyde.annotation.Table;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 19 item 4: decimals are exact on every dialect. Values come back at the column's scale
 * (also rows written by plain SQL with another scale), arithmetic in an update equals exact
 * decimal arithmetic rounded to the column's scale (on SQLite, which would compute in binary
 * floating point, Oxyde computes it), and sums and averages are BigDecimal in sum()/avg() and annotate().
 * Expected values are computed with BigDecimal from the hand-written inputs.
 */
class DecimalExactnessTest {

    @Table("v19_price")
    record Price(@Id Long id, String kind, @Column(precision = 10, scale = 2) BigDecimal v,
                 @Column(precision = 19, scale = 4) BigDecimal dflt,
                 @Column(precision = 38, scale = 10) BigDecimal huge) {
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @AllDatabases
    void decimalsAreExactAtTheColumnsScale(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-decimals");
        Migrations.makeMigrations(List.of(Price.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        try (Oxyde db = ValueDbs.open(tdb)) {
            var prices = db.objects(Price.class);
            String hugeText = "1234567890123456789012345678.1234567891";
            Price a = await(prices.create(new Price(null, "a", d("100.00"), d("1"), d(hugeText))));
            Price b = await(prices.create(new Price(null, "a", d("0.99"), d("0.1"), d("-0.0000000001"))));
            Price c = await(prices.create(new Price(null, "b", d("1.5"), d("2.00005"), d("0"))));   // scale 1, 5 in dflt
            Price e = await(prices.create(new Price(null, "b", d("12.345"), d("-3.14159"), d("1E+3")))); // rounds to 12.35
            try (Connection conn = tdb.connect(); Statement st = conn.createStatement()) {
                // other programs: another scale, an integer, text as SQLite's CLI would insert it
                st.executeUpdate("INSERT INTO v19_price (id, kind, v, dflt, huge) VALUES (100, 'b', 9.99, 7.5, 5)");
                st.executeUpdate("INSERT INTO v19_price (id, kind, v, dflt, huge) VALUES (101, 'a', 13, '0.12345', "
                        + "'-99999999999999999999999999.9999999999')");
            }
            // read back at the column's scale (v: 2, dflt: 4, huge: 10)
            Map<Long, Price> want = new LinkedHashMap<>();
            want.put(a.id(), new Price(a.id(), "a", d("100.00"), d("1.0000"), d(hugeText)));
            want.put(b.id(), new Price(b.id(), "a", d("0.99"), d("0.1000"), d("-0.0000000001")));
            want.put(c.id(), new Price(c.id(), "b", d("1.50"), d("2.0001"), d("0E-10")));
            want.put(e.id(), new Price(e.id(), "b", d("12.35"), d("-3.1416"), d("1000.0000000000")));
            want.put(100L, new Price(100L, "b", d("9.99"), d("7.5000"), d("5.0000000000")));
            want.put(101L, new Price(101L, "a", d("13.00"), d("0.1235"), d("-99999999999999999999999999.9999999999")));
            assertThat(a).isEqualTo(want.get(a.id()));
            for (Price p : want.values()) {
                assertThat(await(prices.get("id", p.id()))).isEqualTo(p);
            }
            // filters compare numbers: 7.5 written by SQL equals 7.50
            assertThat(await(prices.filter("dflt", d("7.5")).all())).extracting(Price::id).containsExactly(100L);
            assertThat(await(prices.filter("v", d("1.5")).all())).extracting(Price::id).containsExactly(c.id());
            assertThat(await(prices.filter("v__gt", d("9.99")).all())).extracting(Price::id)
                    .containsExactlyInAnyOrder(a.id(), e.id(), 101L);
            // ordering is numeric ("9.99" < "13.00"), whatever the stored text
            assertThat(await(prices.orderBy("v").all())).extracting(Price::id)
                    .containsExactly(b.id(), c.id(), 100L, e.id(), 101L, a.id());

            // sums and averages: BigDecimal, exact
            BigDecimal sumV = BigDecimal.ZERO;
            BigDecimal sumA = BigDecimal.ZERO;
            int countA = 0;
            for (Price p : want.values()) {
                sumV = sumV.add(p.v());
                if (p.kind().equals("a")) {
                    sumA = sumA.add(p.v());
                    countA++;
                }
            }
            assertThat(await(prices.sum("v"))).isEqualTo(sumV);                       // 137.83, scale 2
            assertThat(sumV).isEqualTo(d("137.83"));
            BigDecimal avg = await(prices.avg("v"));
            assertThat(avg.setScale(6, RoundingMode.HALF_UP)).isEqualTo(sumV.divide(BigDecimal.valueOf(6), 6, RoundingMode.HALF_UP));
            List<Map<String, Object>> groups = await(prices.values("kind").annotate("total", Sum.of("v"))
                    .annotate("mean", Avg.of("v")).orderBy("kind").all());
            assertThat(groups.get(0).get("total")).isEqualTo(sumA);                   // 113.99
            assertThat(sumA).isEqualTo(d("113.99"));
            assertThat(groups.get(0).get("mean")).isInstanceOf(BigDecimal.class);
            assertThat(((BigDecimal) groups.get(0).get("mean")).setScale(6, RoundingMode.HALF_UP))
                    .isEqualTo(sumA.divide(BigDecimal.valueOf(countA), 6, RoundingMode.HALF_UP));
            assertThat(groups.get(1).get("total")).isEqualTo(d("23.84"));
            assertThat(await(prices.filter("id", 100L).values("v").all()).get(0).get("v")).isEqualTo(d("9.99"));

            // arithmetic in an update: exact decimal arithmetic rounded to the column's scale on every
            // dialect (SQLite would compute in binary floating point; Oxyde computes it there)
            var inc = Map.of("v", F.col("v").add(d("1.00")).mul(d("1.10")));
            assertThat(await(prices.filter("id", a.id()).update(inc))).isEqualTo(1);
            // (100.00 + 1.00) * 1.10 = 111.1000 → 111.10
            assertThat(await(prices.get("id", a.id())).v()).isEqualTo(d("100.00").add(d("1.00")).multiply(d("1.10"))
                    .setScale(2, RoundingMode.HALF_UP));
            assertThat(await(prices.filter("id", b.id()).update(Map.of("v", F.col("v").mul(d("1.1")))))).isEqualTo(1);
            // 0.99 * 1.1 = 1.089 → 1.09
            assertThat(await(prices.get("id", b.id())).v()).isEqualTo(d("1.09"));
            // a tie: 1.50 * 0.99 = 1.485 → 1.49 (binary floating point gives 1.4849999999999999 → 1.48)
            assertThat(await(prices.filter("id", c.id()).update(Map.of("v", F.col("v").mul(d("0.99")))))).isEqualTo(1);
            assertThat(await(prices.get("id", c.id())).v()).isEqualTo(d("1.49"));
            assertThat(await(prices.filter("id", 101L).update(Map.of("huge", F.col("huge").add(d("0.0000000001"))))))
                    .isEqualTo(1);
            assertThat(await(prices.get("id", 101L)).huge()).isEqualTo(d("-99999999999999999999999999.9999999998"));
            // several rows, other columns, a division, increment
            assertThat(await(prices.filter("kind", "b").update(Map.of("dflt", F.col("v").div(3), "kind", "c")))).isEqualTo(3);
            assertThat(await(prices.filter("kind", "c").orderBy("id").all())).extracting(Price::dflt)
                    .containsExactly(d("1.49").divide(d("3"), 4, RoundingMode.HALF_UP), d("12.35").divide(d("3"), 4, RoundingMode.HALF_UP),
                            d("9.99").divide(d("3"), 4, RoundingMode.HALF_UP)); // 0.4967, 4.1167, 3.3300
            assertThat(await(prices.filter("id", 100L).increment("v", d("0.01")))).isEqualTo(1);
            assertThat(await(prices.get("id", 100L)).v()).isEqualTo(d("10.00"));
            // rows written by plain SQL read what Oxyde stored: the exact text on SQLite
            try (Connection conn = tdb.connect(); Statement st = conn.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT v FROM v19_price WHERE id = " + a.id())) {
                rs.next();
                assertThat(new BigDecimal(rs.getString(1))).isEqualTo(d("111.10"));
            }
            // copying a column (no arithmetic) is fine everywhere
            assertThat(await(prices.filter("id", e.id()).update(Map.of("v", F.col("huge"))))).isEqualTo(1);
            assertThat(await(prices.get("id", e.id())).v()).isEqualTo(d("1000.00"));
        }
    }
}
