package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.AtomicOptions;
import io.oxyde.Oxyde;
import io.oxyde.Ref;
import io.oxyde.exception.TransactionTimeoutException;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.Genre;
import io.oxyde.exception.OxydeException;
import io.oxyde.exception.SerializationFailureException;
import io.oxyde.exception.UniqueViolationException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** atomic(): commit, rollback, savepoints, onCommit, retries, timeouts and read-only transactions. */
class TransactionsTest {

    private static long artists(TestDatabase db) throws Exception {
        return WritesTest.scalar(db, "SELECT count(*) FROM artist");
    }

    @AllDatabases
    void commitsWhenTheFutureSucceeds(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class, Album.class))) {
            Album album = await(db.atomic(tx -> tx.objects(Artist.class).create(new Artist(null, "Tx Band"))
                    .thenCompose(a -> tx.objects(Album.class).create(new Album(null, "Tx Album", Ref.of(a))))));
            assertThat(WritesTest.text(tdb, "SELECT a.name FROM album al JOIN artist a ON a.id = al.artist_id WHERE al.id = "
                    + album.id())).isEqualTo("Tx Band");
        }
    }

    @AllDatabases
    void rollsBackOnFailedFutureThrowAndDatabaseError(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            IllegalStateException boom = new IllegalStateException("boom");
            assertThatThrownBy(() -> await(db.atomic(tx -> tx.objects(Artist.class).create(new Artist(null, "Gone 1"))
                    .thenCompose(a -> CompletableFuture.failedFuture(boom))))).isSameAs(boom);
            assertThatThrownBy(() -> await(db.atomic(tx -> {
                tx.objects(Artist.class).create(new Artist(null, "Gone 2"));
                throw boom;
            }))).isSameAs(boom);
            assertThatThrownBy(() -> await(db.atomic(tx -> tx.objects(Artist.class).create(new Artist(null, "Gone 3"))
                    .thenCompose(a -> tx.objects(Artist.class).create(new Artist(1L, "duplicate key"))))))
                    .isInstanceOf(UniqueViolationException.class);
            assertThat(artists(tdb)).isEqualTo(275L);
        }
    }

    @AllDatabases
    void nestedAtomicIsASavepoint(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            await(db.atomic(tx -> tx.objects(Artist.class).create(new Artist(null, "Outer A"))
                    .thenCompose(a -> tx.atomic(inner -> inner.objects(Artist.class).create(new Artist(null, "Inner B"))
                            .thenCompose(b -> CompletableFuture.failedFuture(new IllegalArgumentException("undo B"))))
                            .exceptionally(e -> null))
                    .thenCompose(v -> tx.atomic(inner -> inner.objects(Artist.class).create(new Artist(null, "Inner C"))))));
            assertThat(WritesTest.scalar(tdb, "SELECT count(*) FROM artist WHERE name IN ('Outer A', 'Inner C')")).isEqualTo(2L);
            assertThat(WritesTest.scalar(tdb, "SELECT count(*) FROM artist WHERE name = 'Inner B'")).isZero();
        }
    }

    @AllDatabases
    void onCommitRunsOnlyAfterCommit(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            List<String> events = new CopyOnWriteArrayList<>();
            await(db.atomic(tx -> {
                tx.onCommit(() -> events.add("outer"));
                return tx.atomic(inner -> {
                    inner.onCommit(() -> events.add("kept savepoint"));
                    return inner.objects(Artist.class).count();
                }).thenCompose(n -> tx.atomic(inner -> {
                    inner.onCommit(() -> events.add("rolled back savepoint"));
                    return CompletableFuture.failedFuture(new IllegalStateException("no"));
                }).exceptionally(e -> null)).thenApply(v -> {
                    events.add("body done");
                    return v;
                });
            }));
            assertThat(events).containsExactly("body done", "outer", "kept savepoint");
            events.clear();
            assertThatThrownBy(() -> await(db.atomic(tx -> {
                tx.onCommit(() -> events.add("never"));
                return CompletableFuture.failedFuture(new IllegalStateException("rollback"));
            }))).isInstanceOf(IllegalStateException.class);
            assertThat(events).isEmpty();
        }
    }

    @AllDatabases
    void retriesRerunTheFunctionFromTheStart(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            AtomicInteger attempts = new AtomicInteger();
            Artist a = await(db.atomic(AtomicOptions.serializable().retries(3).backoff(Duration.ofMillis(1)),
                    tx -> tx.objects(Artist.class).create(new Artist(null, "Retried")).thenCompose(created -> {
                        if (attempts.incrementAndGet() < 3) {
                            return CompletableFuture.failedFuture(new SerializationFailureException("could not serialize access",
                                    db.name(), null, "40001", 0, null));
                        }
                        return CompletableFuture.completedFuture(created);
                    })));
            assertThat(attempts.get()).isEqualTo(3);
            assertThat(WritesTest.scalar(tdb, "SELECT count(*) FROM artist WHERE name = 'Retried'")).isEqualTo(1L);
            assertThat(a.name()).isEqualTo("Retried");
            AtomicInteger once = new AtomicInteger();
            assertThatThrownBy(() -> await(db.atomic(tx -> {
                once.incrementAndGet();
                return CompletableFuture.failedFuture(new SerializationFailureException("x", db.name(), null, "40001", 0, null));
            }))).isInstanceOf(SerializationFailureException.class);
            assertThat(once.get()).as("no retries by default").isEqualTo(1);
        }
    }

    @AllDatabases
    void timeoutRollsBack(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            assertThatThrownBy(() -> await(db.atomic(AtomicOptions.defaults().timeout(Duration.ofMillis(200)),
                    tx -> tx.objects(Artist.class).create(new Artist(null, "Too Slow")).thenCompose(a ->
                            CompletableFuture.supplyAsync(() -> a, CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS))))))
                    .isInstanceOf(TransactionTimeoutException.class).isInstanceOf(OxydeException.class);
            assertThat(WritesTest.scalar(tdb, "SELECT count(*) FROM artist WHERE name = 'Too Slow'")).isZero();
        }
    }

    @AllDatabases
    void readOnlyRefusesWrites(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class))) {
            long n = await(db.atomic(AtomicOptions.defaults().readOnly(), tx -> tx.objects(Artist.class).count()));
            assertThat(n).isEqualTo(275L);
            assertThatThrownBy(() -> await(db.atomic(AtomicOptions.defaults().readOnly(),
                    tx -> tx.objects(Artist.class).create(new Artist(null, "Nope"))))).isInstanceOf(OxydeException.class);
            assertThat(artists(tdb)).isEqualTo(275L);
        }
    }

    @AllDatabases
    void getOrCreateConflictInsideTransactionKeepsItUsable(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Genre.class))) {
            Genre after = await(db.atomic(tx -> tx.objects(Genre.class)
                    .getOrCreate(Map.of("name", "Brand New"), Map.of("id", 1L))
                    .handle((created, e) -> {
                        assertThat(e).isNotNull();
                        assertThat(e.getCause() == null ? e : e.getCause()).isInstanceOf(UniqueViolationException.class);
                        return e;
                    })
                    .thenCompose(e -> tx.objects(Genre.class).create(new Genre(null, "After Conflict")))));
            assertThat(WritesTest.text(tdb, "SELECT name FROM genre WHERE id = " + after.id())).isEqualTo("After Conflict");
            assertThat(WritesTest.scalar(tdb, "SELECT count(*) FROM genre WHERE name = 'Brand New'")).isZero();
        }
    }

    @AllDatabases
    void updateOrCreateAndSaveInsideTransaction(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Genre.class))) {
            await(db.atomic(tx -> tx.objects(Genre.class).updateOrCreate(Map.of("id", 2L), Map.of("name", "Jazz!"))
                    .thenCompose(c -> tx.save(new Genre(3L, "Metal!")))
                    .thenCompose(g -> tx.refresh(g))
                    .thenCompose(g -> tx.delete(new Genre(4L, null)))));
            assertThat(WritesTest.text(tdb, "SELECT name FROM genre WHERE id = 2")).isEqualTo("Jazz!");
            assertThat(WritesTest.text(tdb, "SELECT name FROM genre WHERE id = 3")).isEqualTo("Metal!");
            assertThat(WritesTest.scalar(tdb, "SELECT count(*) FROM genre WHERE id = 4")).isZero();
        }
    }
}
