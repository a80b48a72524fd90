package io.oxyde.scaleout;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.AtomicOptions;
import io.oxyde.Oxyde;
import io.oxyde.Replicas;
import io.oxyde.driver.PoolSettings;
import io.oxyde.exception.ReadOnlyTransactionException;
import io.oxyde.exception.SerializationFailureException;
import io.oxyde.testkit.PostgresReplication;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Errors only a real hot standby gives: a write answered with SQLSTATE 25006, and a query cancelled
 * by a recovery conflict (SQLSTATE 40001: the primary took an ACCESS EXCLUSIVE lock the standby
 * must replay while our read holds a lock on the table), retried by {@code atomic(retries)}.
 */
@ExtendWith(Servers.class)
class RecoveryConflictTest {

    static final String TABLE = "so_conflict_note";

    private final PostgresReplication pg;

    RecoveryConflictTest(PostgresReplication pg) {
        this.pg = pg;
    }

    @BeforeEach
    void setUp() throws SQLException {
        try (Connection c = pg.connectPrimary(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (id bigserial PRIMARY KEY, body text NOT NULL)");
            s.execute("INSERT INTO " + TABLE + " (body) VALUES ('seed')");
        }
        pg.awaitReplayed();
        pg.setStandbyParameter("max_standby_streaming_delay", "0");
    }

    @AfterEach
    void tearDown() {
        pg.setStandbyParameter("max_standby_streaming_delay", "30s");
    }

    @Test
    void aWriteOnTheStandbyIsAReadOnlyTransactionError() {
        try (Oxyde standby = Oxyde.connect("so_conflict_direct", pg.standbyUrl())) {
            assertThatThrownBy(() -> await(standby.raw("INSERT INTO " + TABLE + " (body) VALUES ('x')").execute()))
                    .isInstanceOfSatisfying(ReadOnlyTransactionException.class,
                            e -> assertThat(e.sqlState()).isEqualTo("25006"));
        }
    }

    @Test
    void aRecoveryConflictIsRetriedByAtomic() {
        Replicas replicas = Replicas.of(pg.standbyUrl()).readYourWrites(Duration.ZERO);
        try (Oxyde db = Oxyde.connect("so_conflict", pg.primaryUrl(), PoolSettings.builder().maxConnections(3).build(),
                replicas)) {
            AtomicInteger attempts = new AtomicInteger();
            AtomicReference<Throwable> firstFailure = new AtomicReference<>();
            long n = await(db.atomic(AtomicOptions.defaults().readOnly().retries(3).backoff(Duration.ofMillis(50)), tx -> {
                int attempt = attempts.incrementAndGet();
                CompletableFuture<List<Map<String, Object>>> read = tx.raw("SELECT count(*) AS n FROM " + TABLE).all();
                return read.thenCompose(rows -> {
                    if (attempt > 1) {
                        return CompletableFuture.completedFuture(((Number) rows.get(0).get("n")).longValue());
                    }
                    // we hold ACCESS SHARE on the table on the standby; sleep while the primary locks it
                    CompletableFuture<List<Map<String, Object>>> sleeping = tx.raw("SELECT pg_sleep(20)").all();
                    lockOnThePrimaryAfter(500);
                    return sleeping.whenComplete((r, e) -> firstFailure.set(e)).thenApply(r -> -1L);
                });
            }));
            assertThat(n).isEqualTo(1);
            assertThat(attempts).hasValue(2);
            Throwable cause = firstFailure.get();
            while (cause != null && !(cause instanceof SerializationFailureException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOfSatisfying(SerializationFailureException.class, e -> {
                assertThat(e.sqlState()).isEqualTo("40001");
                assertThat(e.getMessage()).contains("conflict with recovery");
            });
        }
    }

    private void lockOnThePrimaryAfter(long millis) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
                try (Connection c = pg.connectPrimary(); Statement s = c.createStatement()) {
                    c.setAutoCommit(false);
                    s.execute("LOCK TABLE " + TABLE + " IN ACCESS EXCLUSIVE MODE");
                    c.commit();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
