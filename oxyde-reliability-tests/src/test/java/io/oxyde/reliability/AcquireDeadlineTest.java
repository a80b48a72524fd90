package io.oxyde.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.exception.AcquireTimeoutException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fail fast under load (issue 16 item 3): with every connection busy, statements that queue in
 * the pool's executor get {@link AcquireTimeoutException} once the acquire timeout has passed, while the
 * busy connections are still busy, instead of waiting behind them for as long as they take; and
 * a statement that timed out never runs later.
 */
class AcquireDeadlineTest {

    @AllDatabases
    void queuedStatementsTimeOutWhileEveryConnectionStaysBusy(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2).acquireTimeout(Duration.ofMillis(500)))) {
            rig.sql("CREATE TABLE queued (id INTEGER PRIMARY KEY)");
            // both connections (and both workers) busy for about 8 s
            List<CompletableFuture<?>> busy = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                busy.add(rig.driver.execute(Rig.POOL, Rig.raw(rig.slowSql(8))));
            }
            if (db.kind() != DatabaseKind.SQLITE) {
                rig.awaitRunning(db.kind() == DatabaseKind.POSTGRES ? "pg_sleep" : "SLEEP(", 2);
            } else {
                Thread.sleep(300); // (both slow statements have their workers now)
            }
            List<CompletableFuture<?>> queued = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                queued.add(rig.driver.execute(Rig.POOL, Rig.raw("INSERT INTO queued (id) VALUES (?)", (long) i)));
            }
            for (CompletableFuture<?> f : queued) {
                assertThat(Rig.outcome(f)).isInstanceOf(AcquireTimeoutException.class)
                        .hasMessageContaining("within the acquire timeout of 500 ms");
            }
            // every queued statement failed while the slow ones still held the connections
            assertThat(busy).noneMatch(CompletableFuture::isDone);
            for (CompletableFuture<?> f : busy) {
                Rig.await(f);
            }
            rig.awaitQuiet();
            assertThat(rig.scalar("SELECT count(*) FROM queued")).as("timed-out inserts never ran").isZero();
        }
    }
}
