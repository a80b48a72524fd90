package io.oxyde.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SelectMode;
import io.oxyde.codec.Value;
import io.oxyde.exception.InvalidQueryException;
import io.oxyde.exception.OxydeException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.exception.ProtocolException;
import io.oxyde.exception.ResultTooLargeException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * Limits a caller cannot exceed by accident or on purpose: filter depth, IN-list size, result
 * size and message size. Each refusal is a clear error and leaves the pool as it was.
 */
class LimitsTest {

    private static void table(Rig rig, int rows) {
        rig.sql("CREATE TABLE lim (id INTEGER PRIMARY KEY, v BIGINT NOT NULL)");
        List<List<Value>> values = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            values.add(List.of(Value.of((long) i), Value.of((long) i % 7)));
        }
        Rig.await(rig.driver.mutate(Rig.POOL, new InsertIr(null, "lim", List.of("id", "v"), values, List.of(), null)));
    }

    private static void assertPoolFine(Rig rig) throws InterruptedException {
        rig.awaitQuiet();
        assertThat(rig.scalar("SELECT count(*) FROM lim")).isPositive();
    }

    private static FilterNode nested(int depth) {
        FilterNode f = FilterNode.condition("v", Lookup.GTE, Value.of(0L));
        for (int i = 0; i < depth; i++) {
            f = FilterNode.not(FilterNode.not(f));
            i++;
        }
        return f;
    }

    @AllDatabases
    void filterDepthIsLimitedOnBothPaths(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2))) {
            table(rig, 10);
            SelectIr ok = SelectIr.from("lim").filter(nested(60)).mode(SelectMode.COUNT).build();
            assertThat(Rig.await(rig.driver.query(Rig.POOL, ok, null)).rows().get(0).get(0)).isEqualTo(Value.of(10L));
            assertThat(Rig.await(rig.driver.execute(Rig.POOL, IrCodec.encode(ok)))).isNotEmpty();
            SelectIr deep = SelectIr.from("lim").filter(nested(100_000)).mode(SelectMode.COUNT).build();
            Throwable typed = Rig.failure(rig.driver.query(Rig.POOL, deep, null));
            assertThat(typed).isInstanceOf(InvalidQueryException.class).hasMessageContaining("nested deeper than 64 levels");
            assertPoolFine(rig);
        }
    }

    @AllDatabases
    void hugeInListsAreRefusedClearlyOrRunCorrectly(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2))) {
            table(rig, 100);
            List<Value> ids = new ArrayList<>();
            for (long i = 0; i < 100_000; i++) {
                ids.add(Value.of(i));
            }
            SelectIr in = SelectIr.from("lim").filter(FilterNode.condition("id", Lookup.IN, new Value.Array(ids)))
                    .mode(SelectMode.COUNT).build();
            // refused the same way on every database, on both paths
            Throwable typed = Rig.failure(rig.driver.query(Rig.POOL, in, null));
            assertThat(typed).isInstanceOf(InvalidQueryException.class)
                    .hasMessageContaining("the statement needs 100000 bind parameters but")
                    .hasMessageContaining("split the IN list");
            assertThat(Rig.failure(rig.driver.execute(Rig.POOL, IrCodec.encode(in))))
                    .isInstanceOf(InvalidQueryException.class).hasMessageContaining("100000 bind parameters");
            // up to the dialect's limit it runs and is exact
            int limit = rig.pool.dialect().maxBindParameters();
            SelectIr atLimit = SelectIr.from("lim").filter(FilterNode.condition("id", Lookup.IN,
                    new Value.Array(ids.subList(0, limit)))).mode(SelectMode.COUNT).build();
            assertThat(Rig.await(rig.driver.query(Rig.POOL, atLimit, null)).rows().get(0).get(0)).isEqualTo(Value.of(100L));
            // inserts are chunked instead: 100,000 rows in one insert land completely
            rig.sql("CREATE TABLE many (id BIGINT PRIMARY KEY)");
            List<List<Value>> rows = new ArrayList<>();
            for (Value id : ids) {
                rows.add(List.of(id));
            }
            assertThat(Rig.await(rig.driver.mutate(Rig.POOL, new InsertIr(null, "many", List.of("id"), rows, List.of(), null)))
                    .affected()).isEqualTo(100_000);
            assertThat(rig.scalar("SELECT count(*) FROM many")).isEqualTo(100_000);
            assertPoolFine(rig);
        }
    }

    @AllDatabases
    void resultsBeyondMaxResultRowsFailAndThePoolStaysUsable(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2).maxResultRows(1_000))) {
            table(rig, 1_001);
            Throwable e = Rig.failure(rig.driver.query(Rig.POOL, SelectIr.from("lim").build(), null));
            assertThat(e).isInstanceOf(ResultTooLargeException.class)
                    .hasMessageContaining("more than maxResultRows = 1000 rows");
            assertThat(((ResultTooLargeException) e).limit()).isEqualTo(1_000);
            assertThat(Rig.failure(rig.driver.query(Rig.POOL, Rig.raw("SELECT * FROM lim"), null)))
                    .isInstanceOf(ResultTooLargeException.class);
            assertThat(Rig.failure(rig.driver.execute(Rig.POOL, IrCodec.encode(SelectIr.from("lim").build()))))
                    .isInstanceOf(ResultTooLargeException.class);
            assertThat(Rig.await(rig.driver.query(Rig.POOL, SelectIr.from("lim").limit(1_000L).build(), null)).rows())
                    .hasSize(1_000);
            assertPoolFine(rig);
        }
    }

    @AllDatabases
    void oversizedMessagesAreRefusedBeforeAnythingRuns(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2))) {
            table(rig, 3);
            // raw SQL over 1 MiB, and an identifier over 128 characters, both refused by the codec
            String longSql = "SELECT 1 /*" + "x".repeat(1 << 20) + "*/";
            byte[] bytes = IrCodec.encode(SelectIr.from("lim").build());
            Throwable tooLong = Rig.failure(rig.driver.execute(Rig.POOL, encodeUnchecked(longSql)));
            assertThat(tooLong).isInstanceOf(ProtocolException.class).hasMessageContaining("sql");
            Throwable longName = Rig.failure(rig.driver.execute(Rig.POOL, IrCodecAccess.withTable(bytes, "t".repeat(200))));
            assertThat(longName).isInstanceOf(ProtocolException.class).hasMessageContaining("table");
            assertPoolFine(rig);
        }
    }

    private static byte[] encodeUnchecked(String sql) {
        return IrCodecAccess.rawMessage(sql);
    }
}
