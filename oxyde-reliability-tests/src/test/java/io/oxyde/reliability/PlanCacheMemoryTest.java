package io.oxyde.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.Value;
import io.oxyde.driver.PoolSettings;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * Render plans are cached per query shape, and a bulk insert's shape includes its row count:
 * every distinct size is a distinct shape. Many distinct large inserts must not pin their
 * plans (megabytes each) in the caches: the heap after a GC stays within a stated bound.
 */
class PlanCacheMemoryTest {

    private static final long MAX_GROWTH_BYTES = 48L << 20;

    @AllDatabases
    void distinctLargeInsertsDoNotPinTheirPlans(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2))) {
            rig.sql("CREATE TABLE big (id BIGINT PRIMARY KEY, a BIGINT, b VARCHAR(20))");
            insert(rig, 0, 100, false); // warm up
            System.gc();
            long before = usedHeap();
            long id = 1_000;
            for (int i = 0; i < 24; i++) {
                int rows = 8_000 + i * 37; // a new shape each time
                insert(rig, id, rows, i % 2 == 0);
                id += rows;
            }
            System.gc();
            long growth = usedHeap() - before;
            System.out.printf("RELIABILITY plan cache %s: heap growth after 24 distinct inserts of ~8,000 rows: %d MB%n",
                    db.kind(), growth >> 20);
            assertThat(growth).as("heap growth in bytes").isLessThan(MAX_GROWTH_BYTES);
        }
    }

    /**
     * The reported case: distinct messages {@code … id IN (4,000 values) LIMIT k} are distinct
     * shapes of about 640 KB of plan each; counting entries let ~1,550 of them fill a 1 GB heap.
     * The cache is bounded by bytes now.
     */
    @AllDatabases
    void manyDistinctLargeSelectsStayWithinThePlanCacheBudget(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2))) {
            rig.sql("CREATE TABLE big (id BIGINT PRIMARY KEY, a BIGINT, b VARCHAR(20))");
            List<Value> ids = new ArrayList<>(4_000);
            for (int i = 0; i < 4_000; i++) {
                ids.add(Value.of((long) i));
            }
            io.oxyde.driver.internal.ManagedPool pool = (io.oxyde.driver.internal.ManagedPool) rig.pool;
            System.gc();
            long before = usedHeap();
            for (int k = 1; k <= 200; k++) {
                io.oxyde.codec.SelectIr q = io.oxyde.codec.SelectIr.from("big").columns("id")
                        .filter(io.oxyde.codec.FilterNode.condition("id", io.oxyde.codec.Lookup.IN, Value.array(ids.toArray(new Value[0]))))
                        .limit((long) k).build();
                Rig.await(rig.driver.execute(Rig.POOL, IrCodec.encode(q)));
                assertThat(pool.planCacheBytes()).isLessThanOrEqualTo(64L << 20);
            }
            System.gc();
            long growth = usedHeap() - before;
            System.out.printf("RELIABILITY plan cache %s: heap growth after 200 distinct 4,000-slot selects: %d MB"
                    + " (cache accounts %d MB)%n", db.kind(), growth >> 20, pool.planCacheBytes() >> 20);
            assertThat(growth).as("heap growth in bytes").isLessThan(96L << 20); // the 64 MB budget and slack
        }
    }

    private static void insert(Rig rig, long firstId, int rows, boolean asBytes) {
        List<List<Value>> values = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            values.add(List.of(Value.of(firstId + r), Value.of((long) r), Value.of("row " + r)));
        }
        InsertIr ir = new InsertIr(null, "big", List.of("id", "a", "b"), values, List.of(), null);
        if (asBytes) {
            Rig.await(rig.driver.execute(Rig.POOL, IrCodec.encode(ir)));
        } else {
            Rig.await(rig.driver.mutate(Rig.POOL, ir));
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
