package io.oxyde.scaleout;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.AtomicOptions;
import io.oxyde.annotation.Id;
import io.oxyde.Oxyde;
import io.oxyde.annotation.Table;
import io.oxyde.exception.ConnectionLostException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.testkit.PostgresReplication;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Failover on a primary + standby of this test's own: pgjdbc's multi-host URL with
 * {@code targetServerType=primary}; the primary stops, the standby is promoted. In-flight work
 * fails with a typed {@link ConnectionLostException}; {@code atomic(retries)} runs a transaction that lost
 * its connection before COMMIT again, on the new primary; new work goes there too.
 */
class FailoverTest {

    @Table("so_failover_event")
    public record Event(@Id Long id, String what) {
    }

    @Test
    void inFlightWorkFailsTypedAndAtomicRetriesOnTheNewPrimary() throws Exception {
        try (PostgresReplication pg = PostgresReplication.start()) {
            try (Connection c = pg.connectPrimary(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE so_failover_event (id bigserial PRIMARY KEY, what text NOT NULL)");
            }
            String url = "jdbc:postgresql://127.0.0.1:" + pg.primaryPort() + ",127.0.0.1:" + pg.standbyPort()
                    + "/test?user=postgres&targetServerType=primary&connectTimeout=2";
            try (Oxyde db = Oxyde.connect("so_failover", url, PoolSettings.builder().maxConnections(3)
                    .acquireTimeout(Duration.ofSeconds(20)).build())) {
                await(db.objects(Event.class).create(new Event(null, "before")));
                pg.awaitReplayed();

                AtomicInteger attempts = new AtomicInteger();
                CompletableFuture<Integer> retried = db.atomic(AtomicOptions.defaults().retries(10)
                        .backoff(Duration.ofMillis(200)), tx -> {
                    int n = attempts.incrementAndGet();
                    return tx.objects(Event.class).create(new Event(null, "during"))
                            .thenCompose(e -> n == 1 ? tx.raw("SELECT pg_sleep(30)").all() : CompletableFuture.completedFuture(List.of()))
                            .thenApply(x -> n);
                });
                CompletableFuture<List<Map<String, Object>>> plain = db.raw("SELECT pg_sleep(30)").all();
                while (attempts.get() == 0) {
                    Thread.sleep(20);
                }
                Thread.sleep(300); // both are now inside pg_sleep on the primary

                pg.stopPrimary();
                pg.promoteStandby();

                assertThatThrownBy(() -> await(plain)).isInstanceOf(ConnectionLostException.class);
                assertThat(await(retried)).isGreaterThanOrEqualTo(2);

                await(db.objects(Event.class).create(new Event(null, "after")));
                assertThat(await(db.objects(Event.class).orderBy("id").all())).extracting(Event::what)
                        .containsExactly("before", "during", "after");
            }
            try (Connection c = pg.connectStandby(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery(), count(*) FROM so_failover_event GROUP BY 1")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the old standby is the primary now").isFalse();
                assertThat(rs.getInt(2)).isEqualTo(3);
            }
        }
    }
}
