package io.oxyde.reliability;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.oxyde.Oxyde;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.Direction;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.exception.OxydeException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.exception.ProtocolException;
import io.oxyde.reliability.Models.Item;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL injection through every door: values, filter field names and lookups, order-by strings,
 * values()/select() names, table and column names inside IR bytes, and raw SQL parameters.
 * After each attempt a sentinel table must still exist with its one row unchanged, and a
 * refused attempt must fail with an error naming what was wrong.
 */
class InjectionTest {

    /** Payloads that would drop or change the sentinel if they ever reached the SQL text. */
    static final List<String> PAYLOADS = List.of(
            "x'; DROP TABLE sentinel; --",
            "x\"; DROP TABLE sentinel; --",
            "x`; DROP TABLE sentinel; -- ",
            "x' OR '1'='1",
            "1; UPDATE sentinel SET v = 'owned'",
            "x') UNION SELECT v, v, v FROM sentinel --",
            "x\\'; DROP TABLE sentinel; #",
            "code) FROM sentinel; DROP TABLE sentinel; --",
            "*/ DROP TABLE sentinel; /*",
            "?, ?); DROP TABLE sentinel; --");

    private static void setUp(TestDatabase db) throws Exception {
        ConflictRetryTest.exec(db,
                "CREATE TABLE sentinel (id INTEGER PRIMARY KEY, v VARCHAR(40) NOT NULL)",
                "INSERT INTO sentinel (id, v) VALUES (1, 'intact')",
                "CREATE TABLE item (id INTEGER PRIMARY KEY, code VARCHAR(200) NOT NULL UNIQUE, n BIGINT NOT NULL)",
                "INSERT INTO item (id, code, n) VALUES (1, 'a', 1)");
    }

    static void assertSentinelIntact(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, v FROM sentinel")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("intact");
            assertThat(rs.next()).isFalse();
        }
    }

    @AllDatabases
    void valuesAndRawParametersAreDataNeverSql(TestDatabase db) throws Exception {
        setUp(db);
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2))) {
            long id = 100;
            for (String p : PAYLOADS) {
                // as an inserted value, a filter value, a LIKE pattern and a raw parameter
                rig.run(new InsertIr(null, "item", List.of("id", "code", "n"),
                        List.of(List.of(Value.of(id), Value.of(p), Value.of(1L))), List.of(), null));
                SelectIr byCode = SelectIr.from("item").filter(FilterNode.condition("code", Lookup.EQ, Value.of(p))).build();
                assertThat(Rig.await(rig.driver.query(Rig.POOL, byCode, null)).rows()).hasSize(1);
                SelectIr like = SelectIr.from("item").filter(FilterNode.condition("code", Lookup.CONTAINS, Value.of(p))).build();
                assertThat(Rig.await(rig.driver.query(Rig.POOL, like, null)).rows()).hasSize(1);
                assertThat(rig.rows("SELECT code FROM item WHERE code = ?", p).rows())
                        .containsExactly(List.of(Value.of(p)));
                assertThat(Rig.await(rig.driver.execute(Rig.POOL, IrCodec.encode(byCode)))).isNotEmpty();
                id++;
            }
            assertThat(rig.scalar("SELECT count(*) FROM item")).isEqualTo(1 + PAYLOADS.size());
            assertSentinelIntact(db);
        }
    }

    @AllDatabases
    void rawParameterCountMismatchesFailClearly(TestDatabase db) throws Exception {
        setUp(db);
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2))) {
            Throwable tooMany = Rig.failure(rig.driver.execute(Rig.POOL, Rig.raw("SELECT v FROM sentinel", "x'; DROP TABLE sentinel")));
            assertThat(tooMany).isInstanceOf(OxydeException.class).hasMessageContaining("1");
            assertThat(tooMany.getMessage()).containsAnyOf("placeholder", "parameter", "index");
            Throwable tooFew = Rig.failure(rig.driver.execute(Rig.POOL, Rig.raw("SELECT v FROM sentinel WHERE id = ? AND v = ?", 1L)));
            assertThat(tooFew).isInstanceOf(OxydeException.class);
            // (SQLite used to run it with the missing value as NULL, silently)
            assertThat(tooFew.getMessage()).containsAnyOf("placeholders", "No value specified", "parameter");
            rig.awaitQuiet();
            assertSentinelIntact(db);
        }
    }

    @AllDatabases
    void identifiersInsideIrAreRefusedNeverSpliced(TestDatabase db) throws Exception {
        setUp(db);
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2))) {
            for (String p : PAYLOADS) {
                List<QueryIr> hostile = new ArrayList<>();
                hostile.add(SelectIr.from(p).build());
                hostile.add(SelectIr.from("item").columns(p).build());
                hostile.add(SelectIr.from("item").filter(FilterNode.condition(p, Lookup.EQ, Value.of(1L))).build());
                hostile.add(SelectIr.from("item").orderBy(new OrderBy(ColumnRef.of(p), Direction.ASC)).build());
                hostile.add(SelectIr.from("item").column(ColumnRef.of(p, "code")).build());
                hostile.add(new InsertIr(null, "item", List.of("id", p), List.of(List.of(Value.of(9L), Value.of("z"))),
                        List.of(), null));
                for (QueryIr ir : hostile) {
                    // every payload holds a quote, ';' or '?': the identifier rule refuses it on both roads
                    assertThat(catchThrowable(() -> IrCodec.encode(ir))).as("%s", ir).hasMessageContaining("identifier");
                    Throwable typed = Rig.failure(rig.driver.execute(Rig.POOL, ir));
                    assertThat(typed).as("%s", ir).isInstanceOf(OxydeException.class).hasMessageContaining("identifier");
                }
                // bytes from a sender that does not validate: the payload swapped into a valid message
                byte[] crafted = IrCodecAccess.replaceString(IrCodec.encode(SelectIr.from("item").columns("swap_me").build()),
                        "swap_me", p);
                assertThat(Rig.failure(rig.driver.execute(Rig.POOL, crafted))).isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("columns[0]");
            }
            assertThat(rig.scalar("SELECT count(*) FROM item")).isEqualTo(1);
            rig.awaitQuiet();
            assertSentinelIntact(db);
        }
    }

    @AllDatabases
    void apiNamesAreCheckedAgainstTheModel(TestDatabase tdb) throws Exception {
        setUp(tdb);
        try (Oxyde db = Models.open(tdb)) {
            for (String p : PAYLOADS) {
                assertThatThrownBy(() -> await(db.objects(Item.class).filter(p, 1).all()))
                        .as("filter field %s", p).isInstanceOf(OxydeException.class).hasMessageContaining(p);
                assertThatThrownBy(() -> await(db.objects(Item.class).filter("code__" + p, 1).all()))
                        .as("lookup %s", p).isInstanceOf(OxydeException.class).hasMessageContaining(p);
                assertThatThrownBy(() -> await(db.objects(Item.class).orderBy(p).all()))
                        .as("order by %s", p).isInstanceOf(OxydeException.class).hasMessageContaining(p.replaceFirst("^-", ""));
                assertThatThrownBy(() -> await(db.objects(Item.class).orderBy("-" + p).all()))
                        .as("order by -%s", p).isInstanceOf(OxydeException.class);
                assertThatThrownBy(() -> await(db.objects(Item.class).values("code", p).all()))
                        .as("values %s", p).isInstanceOf(OxydeException.class).hasMessageContaining(p);
                assertThatThrownBy(() -> await(db.objects(Item.class).select(p).all()))
                        .as("select %s", p).isInstanceOf(OxydeException.class).hasMessageContaining(p);
                // as a value through the API it is plain data
                assertThat(await(db.objects(Item.class).filter("code", p).count())).isZero();
                assertThat(await(db.objects(Item.class).filter("code__icontains", p).exists())).isFalse();
                assertThat(await(db.raw("SELECT count(*) AS c FROM item WHERE code = ?", p).all()))
                        .hasSize(1);
            }
            assertThat(await(db.objects(Item.class).count())).isEqualTo(1);
        }
        assertSentinelIntact(tdb);
    }
}
