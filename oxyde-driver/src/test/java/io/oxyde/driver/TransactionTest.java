package io.oxyde.driver;

import io.oxyde.exception.TransactionState;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.IrCodec;
import io.oxyde.codec.MutationResult;
import io.oxyde.codec.RowSet;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import io.oxyde.exception.PoolNotFoundException;
import io.oxyde.exception.TransactionStateException;

/** Isolation, rollback, savepoints, the serial queue, the state machine and the reaper. */
class TransactionTest {

    private static long count(DriverFixture f, long tx) {
        RowSet r = DriverFixture.await(f.driver.query(tx, DriverFixture.raw("SELECT COUNT(*) FROM tx_item"), null));
        return ((Number) r.rows().get(0).get(0).toJava()).longValue();
    }

    private static void insert(DriverFixture f, long tx, String name) {
        DriverFixture.await(f.driver.execute(tx, DriverFixture.raw("INSERT INTO tx_item (name) VALUES (?)", name)));
    }

    @AllDatabases
    void uncommittedWritesAreInvisibleAndRollbackRestores(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db)) {
            f.sql("CREATE TABLE tx_item (name VARCHAR(20) NOT NULL)");
            long tx = DriverFixture.await(f.driver.begin(DriverFixture.POOL));
            insert(f, tx, "a");
            assertThat(count(f, tx)).isEqualTo(1);
            assertThat(f.scalar("SELECT COUNT(*) FROM tx_item")).isZero();
            DriverFixture.await(f.driver.rollback(tx));
            assertThat(f.scalar("SELECT COUNT(*) FROM tx_item")).isZero();
            assertThat(f.driver.transactionState(tx)).isEqualTo(TransactionState.ROLLED_BACK);

            long tx2 = DriverFixture.await(f.driver.begin(DriverFixture.POOL, TxOptions.DEFAULT));
            insert(f, tx2, "b");
            DriverFixture.await(f.driver.commit(tx2));
            assertThat(f.scalar("SELECT COUNT(*) FROM tx_item")).isEqualTo(1);
            assertThat(f.pool.stats().openTransactions()).isZero();
        }
    }

    @AllDatabases
    void savepointRollbackUndoesOnlyItsPart(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db)) {
            f.sql("CREATE TABLE tx_item (name VARCHAR(20) NOT NULL)");
            long tx = DriverFixture.await(f.driver.begin(DriverFixture.POOL));
            insert(f, tx, "kept");
            DriverFixture.await(f.driver.savepoint(tx, "sp1"));
            insert(f, tx, "undone");
            DriverFixture.await(f.driver.savepoint(tx, "sp2"));
            insert(f, tx, "undone too");
            DriverFixture.await(f.driver.rollbackTo(tx, "sp1"));
            insert(f, tx, "after");
            DriverFixture.await(f.driver.savepoint(tx, "sp3"));
            insert(f, tx, "released");
            DriverFixture.await(f.driver.release(tx, "sp3"));
            Throwable gone = DriverFixture.failure(f.driver.rollbackTo(tx, "sp2"));
            assertThat(gone).isInstanceOf(TransactionStateException.class).hasMessageContaining("no savepoint 'sp2'");
            assertThat(DriverFixture.failure(f.driver.savepoint(tx, "bad name; DROP")))
                    .hasMessageContaining("invalid savepoint name");
            DriverFixture.await(f.driver.commit(tx));
            RowSet rows = f.rows("SELECT name FROM tx_item ORDER BY name");
            assertThat(rows.rows().stream().map(r -> r.get(0).toJava())).containsExactly("after", "kept", "released");
        }
    }

    @AllDatabases
    void statementsOfOneTransactionRunInSubmissionOrder(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db, PoolSettings.builder().maxConnections(3).build())) {
            f.sql("CREATE TABLE tx_item (name VARCHAR(20) NOT NULL)");
            long tx = DriverFixture.await(f.driver.begin(DriverFixture.POOL));
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // submitted without waiting: the transaction's queue must serialise them
                all.add(f.driver.execute(tx, IrCodec.encode(
                        DriverFixture.raw("INSERT INTO tx_item (name) VALUES (?)", "n" + i))));
            }
            CompletableFuture<Void> commit = f.driver.commit(tx);
            CompletableFuture<?> late = f.driver.execute(tx, DriverFixture.raw("SELECT 1"));
            DriverFixture.await(commit);
            for (CompletableFuture<?> c : all) {
                assertThat(((MutationResult) IrCodec.decodeResult((byte[]) c.join())).affected()).isEqualTo(1);
            }
            assertThat(DriverFixture.failure(late)).isInstanceOf(TransactionStateException.class)
                    .hasMessageContaining("COMMITTED");
            assertThat(f.scalar("SELECT COUNT(*) FROM tx_item")).isEqualTo(200);
        }
    }

    @AllDatabases
    void everyUseOfAnEndedOrUnknownIdIsAClearError(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db)) {
            long tx = DriverFixture.await(f.driver.begin(DriverFixture.POOL));
            DriverFixture.await(f.driver.commit(tx));
            for (CompletableFuture<?> use : List.of(f.driver.commit(tx), f.driver.rollback(tx),
                    f.driver.execute(tx, DriverFixture.raw("SELECT 1")), f.driver.savepoint(tx, "s"),
                    f.driver.execute(tx, new byte[] {1, 2, 3}))) {
                Throwable e = DriverFixture.failure(use);
                assertThat(e).isInstanceOf(TransactionStateException.class).hasMessageContaining("transaction " + tx)
                        .hasMessageContaining("committed");
                assertThat(((TransactionStateException) e).state()).isEqualTo(TransactionState.COMMITTED);
            }
            Throwable unknown = DriverFixture.failure(f.driver.commit(987_654_321L));
            assertThat(unknown).isInstanceOf(TransactionStateException.class).hasMessageContaining("unknown transaction id");
            assertThat(((TransactionStateException) unknown).state()).isNull();
            assertThat(DriverFixture.failure(f.driver.begin("missing"))).isInstanceOf(PoolNotFoundException.class);
        }
    }

    @AllDatabases
    void theReaperRollsBackAnIdleTransactionAndFreesItsConnection(TestDatabase db) throws Exception {
        PoolSettings settings = PoolSettings.builder().maxConnections(2).transactionTimeout(Duration.ofMillis(300)).build();
        try (DriverFixture f = new DriverFixture(db, settings)) {
            f.sql("CREATE TABLE tx_item (name VARCHAR(20) NOT NULL)");
            long leaked = DriverFixture.await(f.driver.begin(DriverFixture.POOL));
            insert(f, leaked, "leaked");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (f.driver.transactionState(leaked) == TransactionState.ACTIVE && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(f.driver.transactionState(leaked)).isEqualTo(TransactionState.TIMED_OUT);
            Throwable e = DriverFixture.failure(f.driver.execute(leaked, DriverFixture.raw("SELECT 1")));
            assertThat(e).isInstanceOf(TransactionStateException.class).hasMessageContaining("idle")
                    .hasMessageContaining("reaper");
            while (f.pool.stats().activeConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(f.pool.stats().activeConnections()).isZero();
            assertThat(f.pool.stats().openTransactions()).isZero();
            assertThat(f.scalar("SELECT COUNT(*) FROM tx_item")).isZero();
        }
    }
}
