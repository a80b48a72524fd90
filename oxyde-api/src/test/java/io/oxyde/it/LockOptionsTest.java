package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.LockOption;
import io.oxyde.Oxyde;
import io.oxyde.chinook.Artist;
import io.oxyde.exception.StatementTimeoutException;
import io.oxyde.exception.UnsupportedFeatureException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code forUpdate(SKIP_LOCKED)} and {@code forUpdate(NOWAIT)} with two transactions at once: a
 * job queue's workers claim different rows, and NOWAIT fails at once with a typed error. SQLite
 * has no row locks and refuses both at the builder call.
 */
class LockOptionsTest {

    /** Runs {@code second} while a transaction holds the first two artists by id, then lets it go. */
    private static <R> R whileFirstTwoAreHeld(Oxyde db, LockOption first, java.util.function.Supplier<R> second)
            throws Exception {
        CompletableFuture<List<Long>> held = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<List<Long>> holder = db.atomic(tx -> tx.objects(Artist.class).orderBy("id").limit(2)
                .forUpdate(first).all().thenCompose(rows -> {
                    List<Long> ids = rows.stream().map(Artist::id).toList();
                    held.complete(ids);
                    return release.thenApply(v -> ids);
                }));
        holder.whenComplete((v, e) -> {
            if (e != null) {
                held.completeExceptionally(e);
            }
        });
        assertThat(held.get(30, TimeUnit.SECONDS)).containsExactly(1L, 2L);
        try {
            return second.get();
        } finally {
            release.complete(null);
            await(holder);
        }
    }

    @AllDatabases
    void skipLockedHandsEachWorkerOtherRows(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            if (tdb.kind() == DatabaseKind.SQLITE) {
                assertThatThrownBy(() -> db.objects(Artist.class).forUpdate(LockOption.SKIP_LOCKED))
                        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("SQLITE")
                        .hasMessageContaining("SQLite has no row locks");
                return;
            }
            List<Long> second = whileFirstTwoAreHeld(db, LockOption.SKIP_LOCKED, () -> await(db.atomic(tx ->
                    tx.objects(Artist.class).orderBy("id").limit(2).forUpdate(LockOption.SKIP_LOCKED).all()))
                    .stream().map(Artist::id).toList());
            assertThat(second).containsExactly(3L, 4L);
            List<Long> shared = whileFirstTwoAreHeld(db, LockOption.SKIP_LOCKED, () -> await(db.atomic(tx ->
                    tx.objects(Artist.class).filter("id__lte", 3).orderBy("id").forShare(LockOption.SKIP_LOCKED).all()))
                    .stream().map(Artist::id).toList());
            assertThat(shared).containsExactly(3L);
        }
    }

    @AllDatabases
    void noWaitFailsAtOnceWithATypedError(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            if (tdb.kind() == DatabaseKind.SQLITE) {
                assertThatThrownBy(() -> db.objects(Artist.class).forShare(LockOption.NOWAIT))
                        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("forShare(NOWAIT)");
                return;
            }
            long[] elapsed = new long[1];
            Throwable failure = whileFirstTwoAreHeld(db, LockOption.NOWAIT, () -> {
                long start = System.nanoTime();
                try {
                    await(db.atomic(tx -> tx.objects(Artist.class).filter("id", 2).forUpdate(LockOption.NOWAIT).all()));
                    return null;
                } catch (Throwable t) {
                    return t;
                } finally {
                    elapsed[0] = System.nanoTime() - start;
                }
            });
            assertThat(failure).isInstanceOf(StatementTimeoutException.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(elapsed[0])).as("failed at once, without waiting for the lock")
                    .isLessThan(5_000);
            // an unlocked row is still claimed with NOWAIT
            assertThat(whileFirstTwoAreHeld(db, LockOption.NOWAIT, () -> await(db.atomic(tx -> tx.objects(Artist.class)
                    .filter("id", 3).forUpdate(LockOption.NOWAIT).all())).size())).isEqualTo(1);
        }
    }
}
