package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.FilterNode;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Many concurrent statements on a small pool: all correct, bounded connections and threads. */
class ConcurrencyTest {

    @AllDatabases
    void thousandConcurrentExecutesOnAPoolOfFour(TestDatabase db) throws Exception {
        String appName = "oxyde-conc-" + System.nanoTime();
        PoolSettings settings = PoolSettings.builder().maxConnections(4).minConnections(0).applicationName(appName)
                .build();
        try (DriverFixture f = new DriverFixture(db, settings); Connection admin = db.connect()) {
            f.sql("CREATE TABLE conc_n (n INTEGER NOT NULL, sq INTEGER NOT NULL)");
            StringBuilder insert = new StringBuilder("INSERT INTO conc_n (n, sq) VALUES ");
            for (int i = 0; i < 100; i++) {
                insert.append(i == 0 ? "" : ", ").append('(').append(i).append(", ").append(i * i).append(')');
            }
            f.sql(insert.toString());
            int threadsBefore = oxydeThreads();

            AtomicInteger maxConnections = new AtomicInteger();
            AtomicInteger maxServerSessions = new AtomicInteger();
            AtomicInteger maxThreads = new AtomicInteger();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    maxConnections.accumulateAndGet(f.pool.stats().totalConnections(), Math::max);
                    maxThreads.accumulateAndGet(oxydeThreads(), Math::max);
                    maxServerSessions.accumulateAndGet(serverSessions(admin, db.kind(), appName), Math::max);
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
            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
            sampling.set(false);
            sampler.join();

            for (int i = 0; i < 1000; i++) {
                RowSet rows = (RowSet) IrCodec.decodeResult(futures.get(i).join());
                long n = i % 100;
                assertThat(rows.rows()).hasSize(1);
                assertThat(DriverFixture.javaRow(rows, 0)).containsExactly(n, n * n);
            }
            assertThat(maxConnections.get()).isBetween(1, 4);
            // counted by the server itself (SQLite has no server: there Hikari's count is the truth)
            assertThat(maxServerSessions.get()).isLessThanOrEqualTo(4);
            if (db.kind() != DatabaseKind.SQLITE) {
                assertThat(maxServerSessions.get()).isPositive();
            }
            // one statement lane and one transaction lane, each at most the pool size
            assertThat(maxThreads.get() - threadsBefore).isLessThanOrEqualTo(8);
            assertThat(f.pool.stats().activeConnections()).isZero();
        }
    }

    private static int serverSessions(Connection admin, DatabaseKind kind, String appName) {
        String sql;
        if (kind == DatabaseKind.POSTGRES) {
            sql = "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?";
        } else if (kind == DatabaseKind.MARIADB) {
            sql = "SELECT COUNT(*) FROM information_schema.processlist WHERE db = DATABASE() AND id <> CONNECTION_ID()"
                    + " AND ? IS NOT NULL";
        } else {
            return 0;
        }
        try (PreparedStatement ps = admin.prepareStatement(sql)) {
            ps.setString(1, appName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
