package io.oxyde.scaleout;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.AtomicOptions;
import io.oxyde.annotation.Id;
import io.oxyde.Oxyde;
import io.oxyde.Replicas;
import io.oxyde.annotation.Table;
import io.oxyde.driver.PoolSettings;
import io.oxyde.exception.ReadOnlyTransactionException;
import io.oxyde.driver.StatementEvent;
import io.oxyde.testkit.PostgresReplication;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Routing between a real PostgreSQL primary and its hot standby: which server answers is shown
 * by what it answers (replay is paused, so the standby is stale) and by the driver's statement
 * events (which pool ran each statement).
 */
@ExtendWith(Servers.class)
class ReplicaRoutingTest {

    static final String TABLE = "so_route_note";
    static final String PRIMARY = "so_route";
    static final String REPLICA = PRIMARY + ".replica1";

    @Table(TABLE)
    public record Note(@Id Long id, String body) {
    }

    private final PostgresReplication pg;
    private Recorder recorder;

    ReplicaRoutingTest(PostgresReplication pg) {
        this.pg = pg;
    }

    @BeforeEach
    void table() throws SQLException {
        try (Connection c = pg.connectPrimary(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (id bigserial PRIMARY KEY, body text NOT NULL)");
            s.execute("INSERT INTO " + TABLE + " (body) VALUES ('seed')");
        }
        pg.awaitReplayed();
        recorder = new Recorder(TABLE);
    }

    @AfterEach
    void stop() throws Exception {
        recorder.close();
        pg.resumeReplay();
    }

    private Oxyde connect(Replicas replicas) {
        return Oxyde.connect(PRIMARY, pg.primaryUrl(),
                PoolSettings.builder().maxConnections(4).acquireTimeout(Duration.ofSeconds(3)).build(), replicas);
    }

    private static List<String> bodies(Oxyde db) {
        return await(db.objects(Note.class).orderBy("id").all()).stream().map(Note::body).toList();
    }

    @Test
    void readsGoToTheReplicaAndWritesToThePrimary() {
        try (Oxyde db = connect(Replicas.of(pg.standbyUrl()).readYourWrites(Duration.ZERO))) {
            assertThat(bodies(db)).containsExactly("seed");
            assertThat(recorder.lastPool("select")).isEqualTo(REPLICA);
            pg.pauseReplay();
            await(db.objects(Note.class).create(new Note(null, "fresh")));
            assertThat(recorder.lastPool("insert")).isEqualTo(PRIMARY);
            // the standby has not replayed the insert: a replica read cannot see it …
            assertThat(bodies(db)).containsExactly("seed");
            assertThat(recorder.lastPool("select")).isEqualTo(REPLICA);
            // … the primary can, when asked for
            assertThat(await(db.objects(Note.class).using("primary").orderBy("id").all()))
                    .extracting(Note::body).containsExactly("seed", "fresh");
            assertThat(recorder.lastPool("select")).isEqualTo(PRIMARY);
            assertThat(await(db.using("primary").objects(Note.class).count())).isEqualTo(2);
            // locking reads and raw SQL never go to a replica
            await(db.atomic(tx -> tx.objects(Note.class).forUpdate().all()));
            assertThat(recorder.lastPool("select")).isEqualTo(PRIMARY);
            pg.resumeReplay();
            pg.awaitReplayed();
            assertThat(bodies(db)).containsExactly("seed", "fresh");
            assertThat(recorder.lastPool("select")).isEqualTo(REPLICA);
        }
    }

    @Test
    void readsThatAWriteDependsOnComeFromThePrimary() {
        try (Oxyde db = connect(Replicas.of(pg.standbyUrl()).readYourWrites(Duration.ZERO))) {
            pg.pauseReplay();
            await(db.objects(Note.class).create(new Note(null, "k")));
            assertThat(bodies(db)).containsExactly("seed"); // the replica is stale
            // getOrCreate looks up on the primary: it finds the row instead of creating a second one
            assertThat(await(db.objects(Note.class).getOrCreate(Map.of("body", "k"), Map.of())).created()).isFalse();
            // an UPDATE that first selects keys (limit) selects them on the primary
            assertThat(await(db.objects(Note.class).filter("body", "k").limit(1).update(Map.of("body", "k2"))))
                    .isEqualTo(1);
            assertThat(await(db.using("primary").objects(Note.class).orderBy("id").all()))
                    .extracting(Note::body).containsExactly("seed", "k2");
        }
    }

    @Test
    void theUrlFormNamesTheReplicas() {
        String url = pg.primaryUrl() + "?replicas=127.0.0.1:" + pg.standbyPort();
        try (Oxyde db = Oxyde.connect(PRIMARY, url)) {
            assertThat(bodies(db)).containsExactly("seed");
            assertThat(recorder.lastPool("select")).isEqualTo(REPLICA);
            await(db.objects(Note.class).create(new Note(null, "url")));
            assertThat(recorder.lastPool("insert")).isEqualTo(PRIMARY);
            // the default read-your-writes window (one second) keeps this read on the primary
            assertThat(bodies(db)).containsExactly("seed", "url");
            assertThat(recorder.lastPool("select")).isEqualTo(PRIMARY);
        }
    }

    @Test
    void aHandleReadsItsOwnWritesForTheWindowAndOtherHandlesDoNot() {
        try (Oxyde db = connect(Replicas.of(pg.standbyUrl()).readYourWrites(Duration.ofMillis(1500)))) {
            Oxyde other = db.session();
            pg.pauseReplay();
            long wrote = System.nanoTime();
            await(db.objects(Note.class).create(new Note(null, "mine")));
            assertThat(bodies(db)).containsExactly("seed", "mine");
            assertThat(recorder.lastPool("select")).isEqualTo(PRIMARY);
            // another handle did not write: it reads the (stale) replica
            assertThat(bodies(other)).containsExactly("seed");
            assertThat(recorder.lastPool("select")).isEqualTo(REPLICA);
            // once the window is over, the writer's reads go back to the replica (still stale here)
            while (System.nanoTime() - wrote < Duration.ofMillis(1600).toNanos()) {
                sleep(50);
            }
            assertThat(bodies(db)).containsExactly("seed");
            assertThat(recorder.lastPool("select")).isEqualTo(REPLICA);
            // a committed atomic block counts as a write too
            await(db.atomic(tx -> tx.objects(Note.class).create(new Note(null, "tx"))));
            assertThat(bodies(db)).containsExactly("seed", "mine", "tx");
            assertThat(recorder.lastPool("select")).isEqualTo(PRIMARY);
        }
    }

    @Test
    void untilReplayedKeepsReadsOnThePrimaryUntilTheReplicaHasTheWrite() {
        Replicas replicas = Replicas.of(pg.standbyUrl()).untilReplayed().healthCheckEvery(Duration.ofMillis(50));
        try (Oxyde db = connect(replicas)) {
            assertThat(bodies(db)).containsExactly("seed");
            assertThat(recorder.lastPool("select")).isEqualTo(REPLICA);
            pg.pauseReplay();
            await(db.objects(Note.class).create(new Note(null, "lsn")));
            // however long replay stays paused, the handle's reads stay on the primary
            for (int i = 0; i < 5; i++) {
                assertThat(bodies(db)).containsExactly("seed", "lsn");
                assertThat(recorder.lastPool("select")).isEqualTo(PRIMARY);
                sleep(100);
            }
            pg.resumeReplay();
            pg.awaitReplayed();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                List<String> seen = bodies(db);
                assertThat(seen).containsExactly("seed", "lsn"); // never stale, on either server
                if (REPLICA.equals(recorder.lastPool("select"))) {
                    break;
                }
                assertThat(System.nanoTime()).as("reads return to the replica once it replayed").isLessThan(end);
                sleep(20);
            }
        }
    }

    @Test
    void readOnlyTransactionsMayRunOnTheReplicaOthersRunOnThePrimary() {
        try (Oxyde db = connect(Replicas.of(pg.standbyUrl()).readYourWrites(Duration.ZERO))) {
            long n = await(db.atomic(AtomicOptions.defaults().readOnly(), tx -> tx.objects(Note.class).count()));
            assertThat(n).isEqualTo(1);
            StatementEvent last = recorder.events().get(recorder.events().size() - 1);
            assertThat(last.pool()).isEqualTo(REPLICA);
            assertThat(last.inTransaction()).isTrue();
            await(db.atomic(tx -> tx.objects(Note.class).count()));
            assertThat(recorder.lastPool("select")).isEqualTo(PRIMARY);
        }
    }

    @Test
    void aWriteNeverReachesTheReplica() {
        try (Oxyde db = connect(Replicas.of(pg.standbyUrl()).readYourWrites(Duration.ZERO))) {
            List<CompletableFuture<?>> work = new ArrayList<>();
            AtomicInteger readOnlyErrors = new AtomicInteger();
            for (int i = 0; i < 60; i++) {
                String body = "w" + i;
                CompletableFuture<?> f = switch (i % 6) {
                    case 0 -> db.objects(Note.class).create(new Note(null, body));
                    case 1 -> db.objects(Note.class).filter("body", "seed").update(Map.of("body", "seed"));
                    case 2 -> db.objects(Note.class).filter("body", "nothing").delete();
                    case 3 -> db.save(new Note(null, body));
                    case 4 -> db.objects(Note.class).bulkCreate(List.of(new Note(null, body + "a"), new Note(null, body + "b")));
                    default -> db.objects(Note.class).filter("body", "seed").all();
                };
                work.add(f.exceptionally(e -> {
                    if (e.getCause() instanceof ReadOnlyTransactionException || e instanceof ReadOnlyTransactionException) {
                        readOnlyErrors.incrementAndGet();
                    }
                    throw new IllegalStateException(e);
                }));
            }
            CompletableFuture.allOf(work.toArray(new CompletableFuture[0])).join();
            assertThat(readOnlyErrors).hasValue(0);
            List<StatementEvent> events = recorder.events();
            assertThat(events).filteredOn(e -> !e.operation().equals("select")).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.pool()).isEqualTo(PRIMARY));
            assertThat(events).filteredOn(e -> e.operation().equals("select") && !e.inTransaction())
                    .extracting(StatementEvent::pool).contains(REPLICA);
            assertThat(await(db.using("primary").objects(Note.class).count())).isEqualTo(1 + 10 + 10 + 20);
        }
    }

    @Test
    void aReplicaThatGoesDownIsSkippedAndUsedAgainWhenBack() {
        try (Oxyde db = connect(Replicas.of(pg.standbyUrl()).readYourWrites(Duration.ZERO)
                .healthCheckEvery(Duration.ofMillis(100)))) {
            assertThat(bodies(db)).containsExactly("seed");
            assertThat(recorder.lastPool("select")).isEqualTo(REPLICA);
            pg.stopStandby();
            try {
                // the first read finds the replica gone and runs again on the primary
                assertThat(bodies(db)).containsExactly("seed");
                assertThat(recorder.lastPool("select")).isEqualTo(PRIMARY);
                io.oxyde.internal.routing.Router router = io.oxyde.internal.routing.Router.of(
                        io.oxyde.driver.OxydeDriver.global(), PRIMARY);
                assertThat(router.isUp(REPLICA)).isFalse();
                for (int i = 0; i < 5; i++) {
                    assertThat(bodies(db)).containsExactly("seed");
                    assertThat(recorder.lastPool("select")).isEqualTo(PRIMARY);
                }
            } finally {
                pg.startStandby();
            }
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (true) {
                assertThat(bodies(db)).containsExactly("seed");
                if (REPLICA.equals(recorder.lastPool("select"))) {
                    break;
                }
                assertThat(System.nanoTime()).as("the replica is used again").isLessThan(end);
                sleep(100);
            }
        }
    }

    @Test
    void aReplicaDownAtConnectTimeIsOpenedWhenItComesUp() {
        pg.stopStandby();
        try (Oxyde db = connect(Replicas.of(pg.standbyUrl()).readYourWrites(Duration.ZERO)
                .healthCheckEvery(Duration.ofMillis(100)))) {
            try {
                assertThat(bodies(db)).containsExactly("seed");
                assertThat(recorder.lastPool("select")).isEqualTo(PRIMARY);
                assertThat(io.oxyde.driver.OxydeDriver.global().pools().contains(REPLICA)).isFalse();
            } finally {
                pg.startStandby();
            }
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!REPLICA.equals(recorder.lastPool("select"))) {
                assertThat(System.nanoTime()).as("the replica is opened and used").isLessThan(end);
                sleep(100);
                assertThat(bodies(db)).containsExactly("seed");
            }
        }
        assertThat(io.oxyde.driver.OxydeDriver.global().pools().contains(REPLICA)).as("closed with the handle").isFalse();
    }

    @Test
    void aMalformedReplicaUrlFailsConnect() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> connect(Replicas.of("postgresql://")))
                .isInstanceOf(io.oxyde.exception.ConfigurationException.class);
        assertThat(io.oxyde.driver.OxydeDriver.global().pools().contains(PRIMARY)).isFalse();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
