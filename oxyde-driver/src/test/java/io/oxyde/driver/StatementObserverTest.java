package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.IrCodec;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import io.oxyde.exception.PoolSaturatedException;
import io.oxyde.exception.StatementTimeoutException;
import io.oxyde.exception.UniqueViolationException;

/** {@link StatementObserver}: every statement reported once, with its shape and outcome; executor stats. */
class StatementObserverTest {

    /** What one observer heard: "operation outcome inTransaction context". */
    private static final class Recorder implements StatementObserver {
        final List<String> heard = new CopyOnWriteArrayList<>();
        final List<Long> nanos = new CopyOnWriteArrayList<>();
        final List<String> sql = new CopyOnWriteArrayList<>();
        final List<String> submitters = new CopyOnWriteArrayList<>();

        @Override
        public Object capture() {
            return Thread.currentThread().getName();
        }

        @Override
        public Object started(StatementEvent statement, Object captured) {
            submitters.add((String) captured);
            return "ctx-" + statement.operation();
        }

        @Override
        public void finished(StatementEvent s, Object context, StatementEnd end) {
            heard.add(s.pool() + " " + s.operation() + " " + end.outcome().tag() + " tx=" + s.inTransaction() + " "
                    + context + (end.error() == null ? "" : " " + end.error().getClass().getSimpleName()));
            nanos.add(end.durationNanos());
            sql.add(String.valueOf(end.sql()));
        }
    }

    @AllDatabases
    void everyStatementIsReportedWithItsOutcomeUntilUnregistered(TestDatabase db) throws Exception {
        PoolSettings settings = PoolSettings.builder().maxConnections(2).statementTimeout(Duration.ofMillis(300)).build();
        try (DriverFixture f = new DriverFixture(db, settings)) {
            f.sql("CREATE TABLE obs_item (n INTEGER PRIMARY KEY)");
            Recorder r = new Recorder();
            AutoCloseable handle = f.registry.observe(r);
            f.sql("INSERT INTO obs_item (n) VALUES (?)", 1);
            DriverFixture.failure(f.driver.execute(DriverFixture.POOL, DriverFixture.raw("INSERT INTO obs_item (n) VALUES (1)")));
            DriverFixture.failure(f.driver.execute(DriverFixture.POOL, DriverFixture.raw(ErrorClassesTest.slowQuery(f.kind()))));
            DriverFixture.await(f.driver.execute(DriverFixture.POOL, IrCodec.encode(DriverFixture.raw("SELECT 1"))));
            long tx = DriverFixture.await(f.driver.begin(DriverFixture.POOL));
            DriverFixture.await(f.driver.execute(tx, DriverFixture.raw("SELECT n FROM obs_item")));
            DriverFixture.await(f.driver.commit(tx));
            handle.close();
            f.sql("SELECT 2");

            assertThat(r.heard).containsExactly(
                    "main raw success tx=false ctx-raw",
                    "main raw error tx=false ctx-raw UniqueViolationException",
                    "main raw timeout tx=false ctx-raw StatementTimeoutException",
                    "main raw success tx=false ctx-raw",
                    "main raw success tx=true ctx-raw");
            assertThat(r.nanos).allMatch(n -> n > 0);
            assertThat(r.sql.get(0)).as("the SQL shape, values as placeholders").isEqualTo("INSERT INTO obs_item (n) VALUES (?)");
            assertThat(r.sql.get(4)).isEqualTo("SELECT n FROM obs_item");
            assertThat(r.submitters).as("capture() ran on the submitting thread")
                    .containsOnly(Thread.currentThread().getName());
            assertThat(r.nanos.get(2)).as("the timed-out statement ran until the timeout")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(250).toNanos());
        }
    }

    @AllDatabases
    void twoObserversBothHearAndExecutorStatsCountRejections(TestDatabase db) throws Exception {
        PoolSettings settings = PoolSettings.builder().maxConnections(1).maxQueuedTasks(1)
                .statementTimeout(Duration.ofMillis(500)).build();
        try (DriverFixture f = new DriverFixture(db, settings)) {
            Recorder a = new Recorder();
            Recorder b = new Recorder();
            try (AutoCloseable ha = f.registry.observe(a); AutoCloseable hb = f.registry.observe(b)) {
                CompletableFuture<?> slow = f.driver.execute(DriverFixture.POOL, DriverFixture.raw(ErrorClassesTest.slowQuery(f.kind())));
                while (f.pool.stats().activeConnections() == 0) {
                    Thread.sleep(5);
                }
                CompletableFuture<?> queued = f.driver.execute(DriverFixture.POOL, DriverFixture.raw("SELECT 1"));
                CompletableFuture<?> rejected = f.driver.execute(DriverFixture.POOL, DriverFixture.raw("SELECT 2"));
                assertThat(DriverFixture.failure(rejected)).isInstanceOf(PoolSaturatedException.class);
                ExecutorStats stats = f.pool.executorStats();
                assertThat(stats.threads()).isEqualTo(1);
                assertThat(stats.queuedStatements()).isEqualTo(1);
                assertThat(stats.queueCapacity()).isEqualTo(1);
                assertThat(stats.rejected()).isEqualTo(1);
                assertThat(DriverFixture.failure(slow)).isInstanceOf(StatementTimeoutException.class);
                DriverFixture.await(queued);
            }
            assertThat(a.heard).hasSize(2).containsExactlyElementsOf(b.heard);
            assertThat(a.heard.get(0)).startsWith("main raw timeout");
            io.oxyde.query.CacheStats plans = f.pool.planCacheStats();
            assertThat(plans.hits() + plans.misses()).as("the two messages that ran were bound").isEqualTo(2);
            assertThat(plans.capacity()).isPositive();
        }
    }
}
