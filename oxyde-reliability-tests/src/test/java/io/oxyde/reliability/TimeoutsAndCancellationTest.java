package io.oxyde.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.exception.AcquireTimeoutException;
import io.oxyde.exception.StatementTimeoutException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Statement timeouts, acquire timeouts and thousands of cancellations in flight: every
 * connection comes back to the pool, nothing stays queued, and the pool keeps answering.
 */
class TimeoutsAndCancellationTest {

    @AllDatabases
    void aStormOfStatementTimeoutsReturnsEveryConnection(TestDatabase db) throws Exception {
        PoolSettings.Builder settings = PoolSettings.builder().maxConnections(4).statementTimeout(Duration.ofMillis(150));
        try (Rig rig = new Rig(db, settings)) {
            List<CompletableFuture<?>> slow = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                slow.add(rig.driver.execute(Rig.POOL, Rig.raw(rig.slowSql(10))));
            }
            for (CompletableFuture<?> f : slow) {
                assertThat(Rig.failure(f)).isInstanceOf(StatementTimeoutException.class).hasMessageContaining("timeout");
            }
            rig.awaitQuiet();
            for (int i = 0; i < 10; i++) {
                assertThat(rig.scalar("SELECT ? * 2", i)).isEqualTo(2L * i);
            }
            assertThat(rig.pool.stats().totalConnections()).isLessThanOrEqualTo(4);
        }
    }

    @AllDatabases
    void acquireTimeoutsWhileTransactionsHoldEveryConnection(TestDatabase db) throws Exception {
        PoolSettings.Builder settings = PoolSettings.builder().maxConnections(2).acquireTimeout(Duration.ofMillis(300));
        try (Rig rig = new Rig(db, settings)) {
            long tx1 = Rig.await(rig.driver.begin(Rig.POOL));
            long tx2 = Rig.await(rig.driver.begin(Rig.POOL));
            List<CompletableFuture<?>> starved = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                starved.add(rig.driver.execute(Rig.POOL, Rig.raw("SELECT 1")));
            }
            starved.add(rig.driver.begin(Rig.POOL));
            for (CompletableFuture<?> f : starved) {
                assertThat(Rig.failure(f)).isInstanceOf(AcquireTimeoutException.class);
            }
            // the transactions holding the connections are unharmed
            assertThat(Rig.await(rig.driver.query(tx1, Rig.raw("SELECT 5"), null)).rows()).hasSize(1);
            Rig.await(rig.driver.commit(tx1));
            Rig.await(rig.driver.rollback(tx2));
            rig.awaitQuiet();
            assertThat(rig.scalar("SELECT 6")).isEqualTo(6);
        }
    }

    @AllDatabases
    void thousandsOfCancellationsMidFlightLeakNoConnection(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(4))) {
            rig.sql("CREATE TABLE hits (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
            rig.sql("INSERT INTO hits (id, n) VALUES (1, 0)");
            Random random = new Random(11);
            int total = 4000;
            int cancelled = 0;
            List<CompletableFuture<?>> futures = new ArrayList<>();
            String slow = rig.slowSql(0.02);
            for (int i = 0; i < total; i++) {
                CompletableFuture<?> f = i % 3 == 0
                        ? rig.driver.execute(Rig.POOL, Rig.raw("UPDATE hits SET n = n + 1 WHERE id = 1"))
                        : rig.driver.execute(Rig.POOL, i % 3 == 1 ? Rig.raw(slow) : Rig.raw("SELECT ?", i));
                futures.add(f);
                if (random.nextInt(4) != 0) {
                    if (random.nextBoolean()) {
                        Thread.onSpinWait();
                    }
                    futures.get(random.nextInt(futures.size())).cancel(true);
                }
            }
            int succeeded = 0;
            for (CompletableFuture<?> f : futures) {
                Throwable e = Rig.outcome(f);
                if (e == null) {
                    succeeded++;
                } else {
                    cancelled++;
                    assertThat(e).isInstanceOf(CancellationException.class);
                }
            }
            assertThat(cancelled).isGreaterThan(total / 3);
            assertThat(cancelled + succeeded).isEqualTo(total);
            assertThat(succeeded).isGreaterThan(0);
            rig.awaitQuiet();
            assertThat(rig.pool.stats().totalConnections()).isLessThanOrEqualTo(4);
            // every update that reported success was applied once; cancelled ones may or may not have run
            long n = rig.scalar("SELECT n FROM hits WHERE id = 1");
            long updatesOk = 0;
            for (int i = 0; i < total; i += 3) {
                if (!futures.get(i).isCancelled()) {
                    updatesOk++;
                }
            }
            assertThat(n).isGreaterThanOrEqualTo(updatesOk).isLessThanOrEqualTo((total + 2) / 3);
            for (int i = 0; i < 20; i++) {
                assertThat(rig.scalar("SELECT ? + 0", i)).isEqualTo(i);
            }
            if (db.kind() != DatabaseKind.SQLITE) {
                assertThat(rig.sessions().size()).isLessThanOrEqualTo(4);
            }
            System.out.printf("RELIABILITY cancellation storm %s: %d submitted, %d cancelled, %d succeeded%n",
                    db.kind(), total, cancelled, succeeded);
        }
    }
}
