package io.oxyde.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.Oxyde;
import io.oxyde.driver.PoolSettings;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Cancelling a future the API returned stops the JDBC statement behind it, also when that
 * statement is a later link of a chain (a transaction's second statement). Each case runs a
 * 60-second statement on a one-connection pool, cancels the API future once the server shows
 * the statement running (SQLite: shortly after it started), and then needs the pool's only
 * connection back within 20 s: had the statement kept running, the next query would wait
 * for it. On the servers the statement must also be gone from the server's own list.
 */
class ApiCancellationTest {

    private static final double SLOW_SECONDS = 60;

    @AllDatabases
    void cancellingAnApiFutureStopsItsStatement(TestDatabase tdb) throws Exception {
        List<Function<Oxyde, CompletableFuture<?>>> calls = List.of(
                db -> db.raw(slow(tdb, "raw_all")).all(),
                db -> db.raw(slow(tdb, "raw_first")).first(),
                db -> db.raw(slow(tdb, "derived")).all().thenApply(List::size).thenApply(n -> n + 1),
                db -> db.atomic(tx -> tx.raw("SELECT 1 AS one").all()
                        .thenCompose(rows -> tx.raw(slow(tdb, "in_tx")).all())));
        List<String> markers = List.of("raw_all", "raw_first", "derived", "in_tx");
        try (Rig rig = new Rig(tdb, PoolSettings.builder().maxConnections(2));
             Oxyde db = Models.open(tdb, PoolSettings.builder().maxConnections(1).build())) {
            for (int i = 0; i < calls.size(); i++) {
                CompletableFuture<?> f = calls.get(i).apply(db);
                if (tdb.kind() == DatabaseKind.SQLITE) {
                    Thread.sleep(300);
                } else {
                    rig.awaitRunning("oxyde_slow_" + markers.get(i), 1);
                }
                assertThat(f.cancel(true)).as(markers.get(i)).isTrue();
                assertThat(Rig.outcome(f)).isInstanceOf(CancellationException.class);
                // the one connection comes back long before the statement would have ended
                List<Map<String, Object>> next = db.raw("SELECT 7 AS seven").all().get(20, TimeUnit.SECONDS);
                assertThat(((Number) next.get(0).get("seven")).intValue()).as(markers.get(i)).isEqualTo(7);
                if (tdb.kind() != DatabaseKind.SQLITE) {
                    assertThat(runningOnServer(rig, "oxyde_slow_" + markers.get(i))).as(markers.get(i)).isZero();
                }
            }
        }
    }

    /** A statement that runs about a minute, marked so the server's process list can find it. */
    private static String slow(TestDatabase tdb, String marker) {
        String sql = switch (tdb.kind()) {
            case POSTGRES -> "SELECT 1 AS x FROM pg_sleep(" + SLOW_SECONDS + ")";
            case MARIADB -> "SELECT SLEEP(" + SLOW_SECONDS + ") AS x";
            default -> "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < "
                    + (long) (SLOW_SECONDS * 3_000_000) + ") SELECT count(*) AS x FROM c";
        };
        return sql + " -- oxyde_slow_" + marker;
    }

    /** How many statements with the marker the server runs now (waiting briefly for a KILL to land). */
    private static long runningOnServer(Rig rig, String marker) throws Exception {
        long n = 1;
        for (int i = 0; i < 100 && n > 0; i++) {
            n = rig.scalar(rig.db.kind() == DatabaseKind.POSTGRES
                    ? "SELECT count(*) FROM pg_stat_activity WHERE query LIKE ? AND state = 'active'"
                            + " AND pid <> pg_backend_pid()"
                    : "SELECT count(*) FROM information_schema.processlist WHERE info LIKE ?"
                            + " AND id <> CONNECTION_ID()", "%" + marker + "%");
            if (n > 0) {
                Thread.sleep(100);
            }
        }
        return n;
    }
}
