package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.FilterNode;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Many concurrent statements on a small pool: all correct, bounded connections and threads. */
class ConcurrencyTest {

    @AllDatabases
    void thousandConcurrentExecutesOnAPoolOfFour(TestDatabase db) throws Exception {
        PoolSettings settings = PoolSettings.builder().maxConnections(4).minConnections(0).build();
        try (DriverFixture f = new DriverFixture(db, settings)) {
            f.sql("CREATE TABLE conc_n (n INTEGER NOT NULL, sq INTEGER NOT NULL)");
            StringBuilder insert = new StringBuilder("INSERT INTO conc_n (n, sq) VALUES ");
            for (int i = 0; i < 100; i++) {
                insert.append(i == 0 ? "" : ", ").append('(').append(i).append(", ").append(i * i).append(')');
            }
            f.sql(insert.toString());
            int threadsBefore = oxydeThreads();

            AtomicInteger maxConnections = new AtomicInteger();
            AtomicInteger maxThreads = new AtomicInteger();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    maxConnections.accumulateAndGet(f.pool.stats().totalConnections(), Math::max);
                    maxThreads.accumulateAndGet(oxydeThreads(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();

            List<CompletableFuture<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                SelectIr q = SelectIr.from("conc_n").columns("n", "sq")
                        .filter(FilterNode.condition("n", Lookup.EQ, Value.of((long) (i % 100)))).build();
                futures.add(f.driver.execute(DriverFixture.POOL, IrCodec.encode(q)));
            }
            CompletableFuture.allOf(futures.toArray(new CompletableFuture[0])).join();
            sampling.set(false);
            sampler.join();

            for (int i = 0; i < 1000; i++) {
                RowSet rows = (RowSet) IrCodec.decodeResult(futures.get(i).join());
                long n = i % 100;
                assertThat(rows.rows()).hasSize(1);
                assertThat(DriverFixture.javaRow(rows, 0)).containsExactly(n, n * n);
            }
            assertThat(maxConnections.get()).isBetween(1, 4);
            // one statement lane and one transaction lane, each at most the pool size
            assertThat(maxThreads.get() - threadsBefore).isLessThanOrEqualTo(8);
            assertThat(f.pool.stats().activeConnections()).isZero();
        }
    }

    private static int oxydeThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("oxyde-main")) {
                n++;
            }
        }
        return n;
    }
}
