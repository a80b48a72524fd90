package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import io.oxyde.exception.AcquireTimeoutException;
import io.oxyde.exception.PoolSaturatedException;

/** With every connection held by a transaction, new work times out, then resumes. */
class PoolExhaustionTest {

    @AllDatabases
    void acquireTimesOutWhileTransactionsHoldEveryConnection(TestDatabase db) {
        PoolSettings settings = PoolSettings.builder().maxConnections(2).acquireTimeout(Duration.ofMillis(600)).build();
        try (DriverFixture f = new DriverFixture(db, settings)) {
            f.sql("CREATE TABLE ex_item (n INTEGER)");
            long t1 = DriverFixture.await(f.driver.begin(DriverFixture.POOL));
            long t2 = DriverFixture.await(f.driver.begin(DriverFixture.POOL));
            assertThat(f.pool.stats().activeConnections()).isEqualTo(2);

            long start = System.nanoTime();
            CompletableFuture<?> blocked = f.driver.execute(DriverFixture.POOL, DriverFixture.raw("SELECT COUNT(*) FROM ex_item"));
            Throwable e = DriverFixture.failure(blocked);
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(e).isInstanceOf(AcquireTimeoutException.class).hasMessageContaining("pool main");
            assertThat(waitedMs).isGreaterThanOrEqualTo(550);
            assertThat(DriverFixture.failure(f.driver.begin(DriverFixture.POOL))).isInstanceOf(AcquireTimeoutException.class);

            // the transactions still work while the pool is exhausted
            DriverFixture.await(f.driver.execute(t1, DriverFixture.raw("INSERT INTO ex_item (n) VALUES (1)")));
            DriverFixture.await(f.driver.commit(t1));
            assertThat(f.scalar("SELECT COUNT(*) FROM ex_item")).isEqualTo(1);
            DriverFixture.await(f.driver.rollback(t2));
            assertThat(f.scalar("SELECT COUNT(*) FROM ex_item")).isEqualTo(1);
        }
    }

    @AllDatabases
    void aFullQueueRejectsAtOnceWithPoolSaturated(TestDatabase db) throws Exception {
        PoolSettings settings = PoolSettings.builder().maxConnections(1).maxQueuedTasks(2).build();
        try (DriverFixture f = new DriverFixture(db, settings)) {
            CompletableFuture<?> running = f.driver.execute(DriverFixture.POOL,
                    DriverFixture.raw(ErrorClassesTest.slowQuery(f.kind())));
            while (f.pool.stats().activeConnections() == 0) {
                Thread.sleep(5);
            }
            CompletableFuture<?> q1 = f.driver.execute(DriverFixture.POOL, DriverFixture.raw("SELECT 1"));
            CompletableFuture<?> q2 = f.driver.execute(DriverFixture.POOL, DriverFixture.raw("SELECT 2"));
            CompletableFuture<?> rejected = f.driver.execute(DriverFixture.POOL, DriverFixture.raw("SELECT 3"));
            assertThat(rejected).isCompletedExceptionally();
            assertThat(DriverFixture.failure(rejected)).isInstanceOf(PoolSaturatedException.class)
                    .hasMessageContaining("saturated").hasMessageContaining("maxQueuedTasks 2");
            running.cancel(true);
            DriverFixture.await(q1);
            DriverFixture.await(q2);
            assertThat(f.scalar("SELECT 7")).isEqualTo(7);
        }
    }
}
