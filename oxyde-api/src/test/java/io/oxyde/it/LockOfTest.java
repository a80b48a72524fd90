package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.LockOf;
import io.oxyde.LockOption;
import io.oxyde.Oxyde;
import io.oxyde.Query;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.Artist;
import io.oxyde.exception.FieldException;
import io.oxyde.exception.StatementTimeoutException;
import io.oxyde.exception.UnsupportedFeatureException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code forUpdate(LockOf.of(...))} ({@code FOR UPDATE OF}, protocol revision 1.3
 * {@code lock_of}) with two transactions at once: locking AC/DC's albums joined with their artist
 * takes only the named table's rows (NOWAIT on the other table's row succeeds, on the named
 * one's fails) on PostgreSQL; SQLite leaves the lock out as it does for {@code forUpdate()};
 * MariaDB refuses it at the call.
 */
class LockOfTest {

    /** Whether {@code probe} succeeds with NOWAIT while a transaction holds AC/DC's albums locked {@code of}. */
    private static boolean claimableWhileHeld(Oxyde db, LockOf of, Function<Oxyde, Query<?>> probe) throws Exception {
        CompletableFuture<List<Album>> held = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<List<Album>> holder = db.atomic(tx -> tx.objects(Album.class).filter("artist__name", "AC/DC")
                .orderBy("id").forUpdate(of).all().thenCompose(rows -> {
                    held.complete(rows);
                    return release.thenApply(v -> rows);
                }));
        holder.whenComplete((v, e) -> {
            if (e != null) {
                held.completeExceptionally(e);
            }
        });
        assertThat(held.get(30, TimeUnit.SECONDS)).extracting(Album::id).containsExactly(1L, 4L);
        try {
            await(db.atomic(tx -> probe.apply(db).forUpdate(LockOption.NOWAIT).all()));
            return true;
        } catch (StatementTimeoutException e) {
            return false;
        } finally {
            release.complete(null);
            await(holder);
        }
    }

    @AllDatabases
    void locksOnlyTheNamedTables(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class, Album.class))) {
            if (tdb.kind() == DatabaseKind.MARIADB) {
                assertThatThrownBy(() -> db.objects(Album.class).forUpdate(LockOf.of("artist")))
                        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("MARIADB")
                        .hasMessageContaining("MariaDB has no FOR UPDATE OF");
                return;
            }
            if (tdb.kind() == DatabaseKind.SQLITE) {
                // no row locks: the lock is left out, the rows are the same
                List<Album> rows = await(db.atomic(tx -> tx.objects(Album.class).filter("artist__name", "AC/DC")
                        .orderBy("id").forUpdate(LockOf.of("artist")).all()));
                assertThat(rows).extracting(Album::id).containsExactly(1L, 4L);
                return;
            }
            // the artists' rows are held, the albums' are not
            assertThat(claimableWhileHeld(db, LockOf.of("artist"), d -> d.objects(Album.class).filter("id", 1))).isTrue();
            assertThat(claimableWhileHeld(db, LockOf.of("artist"), d -> d.objects(Artist.class).filter("id", 1))).isFalse();
            // and the other way round
            assertThat(claimableWhileHeld(db, LockOf.of(LockOf.SELF), d -> d.objects(Album.class).filter("id", 4)))
                    .isFalse();
            assertThat(claimableWhileHeld(db, LockOf.of(LockOf.SELF), d -> d.objects(Artist.class).filter("id", 1)))
                    .isTrue();
            assertThat(db.objects(Album.class).forUpdate(LockOf.of("artist")).sql(db.dialect()).sql())
                    .contains("for update of \"artist\"");
        }
    }

    @AllDatabases
    void namesForeignKeyPathsOnly(TestDatabase tdb) throws Exception {
        try (Oxyde db = Chinook.fresh(tdb, List.of(Artist.class, Album.class))) {
            if (tdb.kind() == DatabaseKind.MARIADB) {
                return; // refused before the path is looked at (above)
            }
            assertThatThrownBy(() -> db.objects(Album.class).forUpdate(LockOf.of("title")))
                    .isInstanceOf(FieldException.class).hasMessageContaining("names foreign-key paths or \"self\"");
            assertThatThrownBy(() -> LockOf.of()).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
