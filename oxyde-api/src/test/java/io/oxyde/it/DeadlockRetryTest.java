package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.AtomicOptions;
import io.oxyde.Oxyde;
import io.oxyde.Tx;
import io.oxyde.chinook.Artist;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real deadlock: two transactions lock two rows in opposite orders. PostgreSQL and MariaDB
 * abort one of them (40P01 / 1213); atomic(...retries) re-runs it and both complete. SQLite
 * serialises writers (the second waits for the first), so there both complete without a retry.
 */
class DeadlockRetryTest {

    @AllDatabases
    void deadlockVictimIsRetried(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            AtomicInteger attempts = new AtomicInteger();
            CompletableFuture<Void> firstLocked = new CompletableFuture<>();
            CompletableFuture<Void> secondLocked = new CompletableFuture<>();
            AtomicOptions options = AtomicOptions.defaults().retries(3).backoff(Duration.ofMillis(5));
            // Servers: wait long for the other transaction's first lock (a loaded machine may start it late).
            // SQLite: the other transaction cannot take its lock while this one writes, so give up soon.
            int wait = tdb.kind() == DatabaseKind.SQLITE ? 1 : 15;
            CompletableFuture<Integer> a = db.atomic(options,
                    tx -> swap(tx, 1, 2, "first", attempts, firstLocked, secondLocked, wait));
            CompletableFuture<Integer> b = db.atomic(options,
                    tx -> swap(tx, 2, 1, "second", attempts, secondLocked, firstLocked, wait));
            assertThat(await(a)).isEqualTo(1);
            assertThat(await(b)).isEqualTo(1);
            if (tdb.kind() == DatabaseKind.SQLITE) {
                assertThat(attempts.get()).isEqualTo(2);
            } else {
                assertThat(attempts.get()).as("one transaction was a deadlock victim and ran again").isEqualTo(3);
            }
            assertThat(WritesTest.scalar(tdb, "SELECT count(*) FROM artist WHERE name LIKE 'first%' OR name LIKE 'second%'"))
                    .isEqualTo(2L);
        }
    }

    private static CompletableFuture<Integer> swap(Tx tx, long mine, long theirs, String who, AtomicInteger attempts,
                                                   CompletableFuture<Void> iLocked, CompletableFuture<Void> theyLocked,
                                                   int waitSeconds) {
        attempts.incrementAndGet();
        return tx.objects(Artist.class).filter("id", mine).update(Map.of("name", who + " " + mine))
                .thenCompose(n -> {
                    iLocked.complete(null);
                    return theyLocked.copy().completeOnTimeout(null, waitSeconds, TimeUnit.SECONDS);
                })
                .thenCompose(v -> tx.objects(Artist.class).filter("id", theirs).update(Map.of("name", who + " " + theirs)));
    }
}
