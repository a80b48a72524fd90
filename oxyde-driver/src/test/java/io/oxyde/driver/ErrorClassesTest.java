package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Value;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import io.oxyde.exception.CheckViolationException;
import io.oxyde.exception.DatabaseException;
import io.oxyde.exception.DeadlockException;
import io.oxyde.exception.ForeignKeyViolationException;
import io.oxyde.exception.NotNullViolationException;
import io.oxyde.exception.OxydeException;
import io.oxyde.exception.SerializationFailureException;
import io.oxyde.exception.StatementTimeoutException;
import io.oxyde.exception.UniqueViolationException;

/** Each error class, produced by the real database and classified by SQLSTATE or vendor code. */
class ErrorClassesTest {

    private static void schema(DriverFixture f) {
        f.sql("CREATE TABLE err_parent (id INTEGER PRIMARY KEY)");
        f.sql("CREATE TABLE err_child (id INTEGER PRIMARY KEY, email VARCHAR(50) NOT NULL UNIQUE,"
                + " qty INTEGER CHECK (qty >= 0), parent_id INTEGER REFERENCES err_parent (id))");
        f.sql("INSERT INTO err_parent (id) VALUES (1)");
        f.sql("INSERT INTO err_child (id, email, qty, parent_id) VALUES (1, 'a@x', 1, 1)");
    }

    private static Throwable insertChild(DriverFixture f, Object id, Object email, Object qty, Object parent) {
        InsertIr ir = new InsertIr("Child", "err_child", List.of("id", "email", "qty", "parent_id"),
                List.of(Arrays.asList(Value.of(id), Value.of(email), Value.of(qty), Value.of(parent))), List.of(), null);
        return DriverFixture.failure(f.driver.execute(DriverFixture.POOL, ir));
    }

    @AllDatabases
    void constraintViolations(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db)) {
            schema(f);
            Throwable dupKey = insertChild(f, 1L, "b@x", 1L, 1L);
            assertThat(dupKey).isInstanceOf(UniqueViolationException.class);
            Throwable dupEmail = insertChild(f, 2L, "a@x", 1L, 1L);
            assertThat(dupEmail).isInstanceOf(UniqueViolationException.class);
            UniqueViolationException u = (UniqueViolationException) dupEmail;
            assertThat(u.pool()).isEqualTo("main");
            assertThat(u.sql()).containsIgnoringCase("insert into").doesNotContain("a@x");
            assertThat(u.getMessage()).contains("[pool main]");
            assertThat(insertChild(f, 3L, "c@x", 1L, 99L)).isInstanceOf(ForeignKeyViolationException.class);
            assertThat(insertChild(f, 4L, null, 1L, 1L)).isInstanceOf(NotNullViolationException.class);
            assertThat(insertChild(f, 5L, "e@x", -1L, 1L)).isInstanceOf(CheckViolationException.class);
            Throwable parentDelete = DriverFixture.failure(f.driver.execute(DriverFixture.POOL,
                    DriverFixture.raw("DELETE FROM err_parent WHERE id = 1")));
            assertThat(parentDelete).isInstanceOf(ForeignKeyViolationException.class);
            assertThat(((DatabaseException) parentDelete).isRetryable()).isFalse();
            switch (f.kind()) {
                case SQLITE:
                    assertThat(u.vendorCode()).isEqualTo(2067);
                    assertThat(((DatabaseException) dupKey).vendorCode()).isEqualTo(1555);
                    break;
                case POSTGRES:
                    assertThat(u.sqlState()).isEqualTo("23505");
                    break;
                default:
                    assertThat(u.vendorCode()).isEqualTo(1062);
            }
        }
    }

    @AllDatabases
    void statementTimeoutCancelsTheStatementAndFreesTheConnection(TestDatabase db) {
        PoolSettings settings = PoolSettings.builder().maxConnections(1).statementTimeout(Duration.ofMillis(300)).build();
        try (DriverFixture f = new DriverFixture(db, settings)) {
            Throwable e = DriverFixture.failure(f.driver.execute(DriverFixture.POOL, DriverFixture.raw(slowQuery(f.kind()))));
            assertThat(e).isInstanceOf(StatementTimeoutException.class).hasMessageContaining("timeout");
            // the one connection went back to the pool and works
            assertThat(f.scalar("SELECT 41 + 1")).isEqualTo(42);
        }
    }

    @AllDatabases
    void cancellingTheFutureCancelsTheRunningStatement(TestDatabase db) throws Exception {
        try (DriverFixture f = new DriverFixture(db, PoolSettings.builder().maxConnections(1).build())) {
            CompletableFuture<?> slow = f.driver.execute(DriverFixture.POOL, DriverFixture.raw(slowQuery(f.kind())));
            while (f.pool.stats().activeConnections() == 0) {
                Thread.sleep(5);
            }
            Thread.sleep(100);
            long start = System.nanoTime();
            slow.cancel(true);
            // the single connection is back quickly, long before the 30 s query would end
            assertThat(f.scalar("SELECT 2 + 3")).isEqualTo(5);
            assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(15.0);
        }
    }

    /** A query that runs for about 30 seconds. */
    static String slowQuery(DatabaseKind kind) {
        switch (kind) {
            case SQLITE:
                return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000)"
                        + " SELECT COUNT(*) FROM c";
            case POSTGRES:
                return "SELECT pg_sleep(30)";
            default:
                return "SELECT SLEEP(30)";
        }
    }

    @AllDatabases
    void deadlockOrLockTimeoutBetweenTwoWriters(TestDatabase db) throws Exception {
        PoolSettings settings = PoolSettings.builder().maxConnections(3).busyTimeout(Duration.ofMillis(200)).build();
        try (DriverFixture f = new DriverFixture(db, settings)) {
            f.sql("CREATE TABLE dl (id INTEGER PRIMARY KEY, v INTEGER)");
            f.sql("INSERT INTO dl (id, v) VALUES (1, 0), (2, 0)");
            long a = DriverFixture.await(f.driver.begin(DriverFixture.POOL));
            long b = DriverFixture.await(f.driver.begin(DriverFixture.POOL));
            DriverFixture.await(f.driver.execute(a, DriverFixture.raw("UPDATE dl SET v = 1 WHERE id = 1")));
            if (f.kind() == DatabaseKind.SQLITE) {
                // SQLite locks the whole database: the second writer in a transaction gets SQLITE_BUSY
                // (after busy_timeout, or at once when waiting could deadlock); only a retry of the
                // whole transaction can succeed, so it is a retryable serialization failure
                Throwable busy = DriverFixture.failure(
                        f.driver.execute(b, DriverFixture.raw("UPDATE dl SET v = 2 WHERE id = 2")));
                assertThat(busy).isInstanceOf(SerializationFailureException.class);
                assertThat(((OxydeException) busy).isRetryable()).isTrue();
                assertThat(((DatabaseException) busy).vendorCode() & 0xff).isEqualTo(5);
                // outside a transaction a busy database is still a statement timeout
                Throwable plain = DriverFixture.failure(
                        f.driver.execute(DriverFixture.POOL, DriverFixture.raw("UPDATE dl SET v = 3 WHERE id = 2")));
                assertThat(plain).isInstanceOf(StatementTimeoutException.class);
                DriverFixture.await(f.driver.rollback(a));
                DriverFixture.await(f.driver.rollback(b));
                return;
            }
            DriverFixture.await(f.driver.execute(b, DriverFixture.raw("UPDATE dl SET v = 2 WHERE id = 2")));
            CompletableFuture<?> aWaits = f.driver.execute(a, DriverFixture.raw("UPDATE dl SET v = 1 WHERE id = 2"));
            Thread.sleep(300);
            CompletableFuture<?> bWaits = f.driver.execute(b, DriverFixture.raw("UPDATE dl SET v = 2 WHERE id = 1"));
            Throwable failed = null;
            for (CompletableFuture<?> c : List.of(aWaits, bWaits)) {
                try {
                    c.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed = e.getCause();
                }
            }
            assertThat(failed).isInstanceOf(DeadlockException.class);
            assertThat(((OxydeException) failed).isRetryable()).isTrue();
            DriverFixture.await(f.driver.rollback(a));
            DriverFixture.await(f.driver.rollback(b));
        }
    }

    @AllDatabases
    void serializationFailure(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db, PoolSettings.builder().maxConnections(3).build())) {
            f.sql("CREATE TABLE ser (id INTEGER PRIMARY KEY, v INTEGER)");
            f.sql("INSERT INTO ser (id, v) VALUES (1, 0)");
            if (f.kind() == DatabaseKind.MARIADB) {
                // InnoDB does not raise 40001 for write skew; its serializable mode locks instead,
                // so the competing write waits and then deadlocks (covered above). Check the
                // classification of the server's own 40001 error through SIGNAL instead.
                Throwable e = DriverFixture.failure(f.driver.execute(DriverFixture.POOL,
                        DriverFixture.raw("SIGNAL SQLSTATE '40001' SET MESSAGE_TEXT = 'could not serialize'")));
                assertThat(e).isInstanceOf(SerializationFailureException.class);
                assertThat(((OxydeException) e).isRetryable()).isTrue();
                return;
            }
            long a = DriverFixture.await(f.driver.begin(DriverFixture.POOL, TxOptions.serializable()));
            long b = DriverFixture.await(f.driver.begin(DriverFixture.POOL, TxOptions.serializable()));
            // both read (SQLite: both take a read snapshot), then both write
            f.driver.query(a, DriverFixture.raw("SELECT v FROM ser WHERE id = 1"), null).join();
            f.driver.query(b, DriverFixture.raw("SELECT v FROM ser WHERE id = 1"), null).join();
            DriverFixture.await(f.driver.execute(a, DriverFixture.raw("UPDATE ser SET v = 1 WHERE id = 1")));
            DriverFixture.await(f.driver.commit(a));
            Throwable e = DriverFixture.failure(f.driver.execute(b, DriverFixture.raw("UPDATE ser SET v = 2 WHERE id = 1")));
            assertThat(e).isInstanceOf(SerializationFailureException.class);
            assertThat(((OxydeException) e).isRetryable()).isTrue();
            DriverFixture.await(f.driver.rollback(b));
        }
    }
}
