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
