package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.expression.Count;
import io.oxyde.Oxyde;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.Artist;
import io.oxyde.driver.OxydeDriver;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Every API call reaches the database as an IR message: the pool counts the messages it
 * decodes ({@code PoolStats.messages}), and each call below must add exactly the number of
 * statements it runs. The driver has no other way into a pool (its typed conveniences encode
 * too), so a call that skipped the bytes would show here as a count short.
 */
class OneRoadTest {

    @AllDatabases
    void everyApiCallCrossesTheMessageBoundary(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class, Album.class))) {
            expect(db, 1, () -> db.objects(Artist.class).get("id", 1L));
            expect(db, 1, () -> db.objects(Artist.class).filter("name__startswith", "A").all());
            expect(db, 1, () -> db.objects(Artist.class).count());
            expect(db, 1, () -> db.objects(Album.class).filter("artist__name", "AC/DC").exists());
            expect(db, 1, () -> db.objects(Album.class).values("artist__name").annotate("n", Count.all()).all());
            expect(db, 2, () -> db.objects(Artist.class).filter("id__lte", 3L).prefetch("albums").all());
            expect(db, 1, () -> db.objects(Album.class).join("artist").filter("id", 1L).all());
            expect(db, 1, () -> db.objects(Artist.class).create(new Artist(null, "One Road")));
            expect(db, 1, () -> db.objects(Artist.class).bulkCreate(List.of(new Artist(null, "r1"),
                    new Artist(null, "r2"), new Artist(null, "r3"))));
            expect(db, 1, () -> db.objects(Artist.class).filter("name", "r1").update(Map.of("name", "r1!")));
            expect(db, 1, () -> db.objects(Artist.class).filter("name__in", List.of("r2", "r3")).delete());
            expect(db, 1, () -> db.raw("SELECT count(*) AS n FROM artist").all());
            expect(db, 2, () -> db.atomic(tx -> tx.objects(Artist.class).create(new Artist(null, "in tx"))
                    .thenCompose(a -> tx.objects(Artist.class).filter("id", a.id()).count())));
            assertThat(await(db.objects(Artist.class).filter("name", "r1!").count())).isEqualTo(1);
        }
    }

    private static void expect(Oxyde db, long statements, Supplier<CompletableFuture<?>> call) {
        long before = messages(db);
        await(call.get());
        assertThat(messages(db) - before).as("IR messages for one call").isEqualTo(statements);
    }

    private static long messages(Oxyde db) {
        return OxydeDriver.global().pools().get(db.name()).stats().messages();
    }
}
