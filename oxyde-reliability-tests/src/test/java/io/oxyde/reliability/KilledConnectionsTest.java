package io.oxyde.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.exception.ConnectionLostException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server sessions of the test's own pool are killed while work is in flight (the servers are
 * shared with other test runs, so they are never restarted): PostgreSQL
 * {@code pg_terminate_backend}, MariaDB {@code KILL}. SQLite is embedded and has no session to
 * kill; its invocations run the same load without kills and must see no error at all.
 */
class KilledConnectionsTest {

    @AllDatabases
    void killingEveryBackendFailsInFlightWorkWithConnectionLostAndThePoolReconnects(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(4))) {
            String marker = "/* killall_" + rig.applicationName + " */";
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                inFlight.add(rig.driver.execute(Rig.POOL, Rig.raw(rig.slowSql(rig.isServer() ? 30 : 0.3) + " " + marker)));
            }
            List<CompletableFuture<?>> queued = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                queued.add(rig.driver.query(Rig.POOL, Rig.raw("SELECT ? + 1", i), null));
            }
            long start = System.nanoTime();
            if (rig.isServer()) {
                rig.awaitRunning(marker, 4);
                List<Long> sessions = rig.sessions();
                assertThat(sessions).hasSizeGreaterThanOrEqualTo(4);
                rig.kill(sessions);
                for (CompletableFuture<?> f : inFlight) {
                    Throwable e = Rig.failure(f);
                    assertThat(e).isInstanceOf(ConnectionLostException.class);
                    assertThat(((ConnectionLostException) e).sql()).contains(marker);
                }
                // bounded: far below the 30 s the statements would have slept
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            } else {
                inFlight.forEach(f -> assertThat(Rig.outcome(f)).isNull());
            }
            // work queued behind the killed statements runs on new connections
            for (int i = 0; i < queued.size(); i++) {
                assertThat(Rig.outcome(queued.get(i))).as("queued statement %d", i).isNull();
            }
            for (int i = 0; i < 20; i++) {
                assertThat(rig.scalar("SELECT ? + 1", i)).isEqualTo(i + 1);
            }
            rig.awaitQuiet();
            if (rig.isServer()) {
                assertThat(rig.sessions().size()).isBetween(1, 4);
            }
        }
    }

    @AllDatabases
    void connectionsKilledOneByOneUnderSteadyLoadFailOnlyTheirOwnStatements(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(6))) {
            String statement = rig.isServer() ? rig.slowSql(0.02) : "SELECT 1";
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong ok = new AtomicLong();
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                Thread caller = new Thread(() -> {
                    while (running.get()) {
                        Throwable e = Rig.outcome(rig.driver.execute(Rig.POOL, Rig.raw(statement)));
                        if (e == null) {
                            ok.incrementAndGet();
                        } else {
                            errors.add(e);
                        }
                    }
                }, "steady-" + t);
                caller.start();
                callers.add(caller);
            }
            int kills = 0;
            Random random = new Random(7);
            for (int round = 0; round < 15; round++) {
                Thread.sleep(200);
                if (rig.isServer()) {
                    List<Long> sessions = rig.sessions();
                    if (!sessions.isEmpty()) {
                        rig.kill(List.of(sessions.get(random.nextInt(sessions.size()))));
                        kills++;
                    }
                }
            }
            Thread.sleep(300);
            running.set(false);
            for (Thread caller : callers) {
                caller.join(Rig.WAIT_SECONDS * 1000);
                assertThat(caller.isAlive()).as("caller finished").isFalse();
            }
            // each killed session fails at most the one statement that was (or next got) on it
            assertThat(errors).allSatisfy(e -> assertThat(e).isInstanceOf(ConnectionLostException.class));
            assertThat(errors.size()).isLessThanOrEqualTo(kills);
            if (rig.isServer()) {
                assertThat(kills).isEqualTo(15);
                assertThat(errors).as("kills hit running statements").isNotEmpty();
            }
            assertThat(ok.get()).isGreaterThan(100);
            rig.awaitQuiet();
            assertThat(rig.pool.stats().activeConnections()).isZero();
            assertThat(rig.pool.stats().totalConnections()).isLessThanOrEqualTo(6);
            assertThat(rig.scalar("SELECT 41 + 1")).isEqualTo(42);
        }
    }
}
