package io.oxyde.reliability;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.AtomicOptions;
import io.oxyde.F;
import io.oxyde.Oxyde;
import io.oxyde.exception.OxydeException;
import io.oxyde.reliability.Models.Account;
import io.oxyde.reliability.Models.Doctor;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serialization failures and deadlocks produced for real by two concurrent transactions, and
 * resolved by {@code atomic(...retries(n))}: both complete, the final data is what a serial
 * order gives, and at least one attempt really failed with a retryable error first.
 */
class ConflictRetryTest {

    private static final AtomicOptions RETRIES = AtomicOptions.serializable().retries(5).backoff(Duration.ofMillis(20));

    /**
     * Write skew: each transaction reads that two doctors are on call and takes its own doctor
     * off call. Serially, the second sees only one left and keeps its doctor on call; under
     * SERIALIZABLE one of the two concurrent attempts must fail (PostgreSQL 40001; MariaDB's
     * serializable reads take shared locks, so it is a deadlock, 1213) and its retry sees the
     * other's commit.
     */
    @AllDatabases
    void writeSkewUnderSerializableIsRetriedToASerialOutcome(TestDatabase tdb) throws Exception {
        exec(tdb, "CREATE TABLE doctor (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, on_call BOOLEAN NOT NULL)",
                "INSERT INTO doctor (id, name, on_call) VALUES (1, 'alice', TRUE), (2, 'bob', TRUE)");
        try (Oxyde db = Models.open(tdb)) {
            CountDownLatch bothRead = new CountDownLatch(2);
            AtomicInteger attempts = new AtomicInteger();
            CompletableFuture<Boolean> alice = goOffCall(db, 1L, bothRead, attempts);
            CompletableFuture<Boolean> bob = goOffCall(db, 2L, bothRead, attempts);
            boolean aliceOff = await(alice);
            boolean bobOff = await(bob);
            assertThat(aliceOff ^ bobOff).as("exactly one doctor went off call").isTrue();
            List<Doctor> doctors = await(db.objects(Doctor.class).orderBy("id").all());
            assertThat(doctors.stream().filter(Doctor::onCall).count()).isEqualTo(1);
            if (tdb.kind() != DatabaseKind.SQLITE) {
                // SQLite serialises writers with its database lock; the servers really conflicted
                assertThat(attempts.get()).as("attempts").isGreaterThan(2);
            }
        }
    }

    private static CompletableFuture<Boolean> goOffCall(Oxyde db, long id, CountDownLatch bothRead, AtomicInteger attempts) {
        AtomicInteger mine = new AtomicInteger();
        return db.atomic(RETRIES, tx -> {
            attempts.incrementAndGet();
            boolean first = mine.getAndIncrement() == 0;
            return tx.objects(Doctor.class).filter("onCall", true).count().thenCompose(onCall -> {
                if (first) {
                    bothRead.countDown();
                    awaitLatch(bothRead);
                }
                if (onCall < 2) {
                    return CompletableFuture.completedFuture(false);
                }
                return tx.objects(Doctor.class).filter("id", id).update(Map.of("onCall", false)).thenApply(n -> true);
            });
        });
    }

    /**
     * Lock-order deadlock: one transfer locks account 1 then 2, the other 2 then 1. The
     * database picks a victim (MariaDB 1213, PostgreSQL 40P01); the victim is retried and
     * both transfers land.
     */
    @AllDatabases
    void lockOrderDeadlockIsRetriedAndBothTransfersLand(TestDatabase tdb) throws Exception {
        exec(tdb, "CREATE TABLE account (id INTEGER PRIMARY KEY, balance BIGINT NOT NULL)",
                "INSERT INTO account (id, balance) VALUES (1, 100), (2, 100)");
        try (Oxyde db = Models.open(tdb)) {
            CountDownLatch bothLocked = new CountDownLatch(2);
            AtomicInteger attempts = new AtomicInteger();
            AtomicOptions options = AtomicOptions.defaults().retries(5).backoff(Duration.ofMillis(20));
            CompletableFuture<Void> t1 = transfer(db, options, 1L, 2L, 10, bothLocked, attempts);
            CompletableFuture<Void> t2 = transfer(db, options, 2L, 1L, 25, bothLocked, attempts);
            await(t1);
            await(t2);
            List<Account> accounts = await(db.objects(Account.class).orderBy("id").all());
            assertThat(accounts).containsExactly(new Account(1L, 100L - 10 + 25), new Account(2L, 100L + 10 - 25));
            if (tdb.kind() != DatabaseKind.SQLITE) {
                assertThat(attempts.get()).as("attempts: a deadlock victim was retried").isGreaterThan(2);
            }
        }
    }

    private static CompletableFuture<Void> transfer(Oxyde db, AtomicOptions options, long from, long to, long amount,
                                                    CountDownLatch bothLocked, AtomicInteger attempts) {
        AtomicInteger mine = new AtomicInteger();
        return db.atomic(options, tx -> {
            attempts.incrementAndGet();
            boolean first = mine.getAndIncrement() == 0;
            return tx.objects(Account.class).filter("id", from).update(Map.of("balance", F.col("balance").sub(amount)))
                    .thenCompose(n -> {
                        if (first) {
                            bothLocked.countDown();
                            awaitLatch(bothLocked);
                        }
                        return tx.objects(Account.class).filter("id", to).update(Map.of("balance", F.col("balance").add(amount)));
                    }).thenApply(n -> (Void) null);
        });
    }

    /** Waits (bounded) for the other transaction; SQLite's single writer may never let it arrive. */
    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OxydeException("interrupted", null, null, e);
        }
    }

    static void exec(TestDatabase db, String... statements) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static long scalar(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
