package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.codec.IrCodec;
import io.oxyde.codec.RowSet;
import io.oxyde.exception.PoolNotFoundException;
import io.oxyde.exception.TransactionStateException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;

/**
 * Pool and transaction handles (issue 15 part 4): looked up once, they run statements like the
 * name and the id do, and they stay bound to what they were taken from — a closed pool or an
 * ended transaction is refused through its handle even when the name or id would now find
 * something else.
 */
class HandlesTest {

    private static byte[] raw(String sql, Object... params) {
        return IrCodec.encode(DriverFixture.raw(sql, params));
    }

    @AllDatabases
    void aPoolHandleRunsStatementsAndOutlivesNothing(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db)) {
            f.sql("CREATE TABLE h (id INTEGER PRIMARY KEY, v VARCHAR(10))");
            PoolHandle pool = f.driver.handle(DriverFixture.POOL);
            assertThat(pool.name()).isEqualTo(DriverFixture.POOL);
            assertThat(pool.dialect()).isEqualTo(f.pool.dialect());

            assertThat(DriverFixture.await(f.driver.mutate(pool, raw("INSERT INTO h (id, v) VALUES (?, ?)", 1L, "a")))
                    .affected()).isEqualTo(1);
            RowSet rows = DriverFixture.await(f.driver.query(pool, raw("SELECT v FROM h WHERE id = ?", 1L), null));
            assertThat(DriverFixture.javaRow(rows, 0)).isEqualTo(List.of("a"));

            assertThat(f.registry.close(DriverFixture.POOL)).isTrue();
            assertThat(DriverFixture.failure(f.driver.query(pool, raw("SELECT 1"), null)))
                    .isInstanceOf(PoolNotFoundException.class);
            // a new pool under the same name is not the handle's pool
            f.registry.init(DriverFixture.POOL, db.oxydeUrl(), PoolSettings.defaults());
            assertThat(DriverFixture.failure(f.driver.query(pool, raw("SELECT 1"), null)))
                    .isInstanceOf(PoolNotFoundException.class);
            assertThat(DriverFixture.await(f.driver.query(f.driver.handle(DriverFixture.POOL), raw("SELECT 1"), null))
                    .rows()).hasSize(1);
        }
    }

    @AllDatabases
    void aTransactionHandleRunsItsStatementsAndRefusesThemOnceEnded(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db)) {
            f.sql("CREATE TABLE h (id INTEGER PRIMARY KEY, v VARCHAR(10))");
            long id = DriverFixture.await(f.driver.begin(DriverFixture.POOL));
            TxHandle tx = f.driver.transaction(id);
            assertThat(tx.id()).isEqualTo(id);
            DriverFixture.await(f.driver.mutate(tx, raw("INSERT INTO h (id, v) VALUES (?, ?)", 1L, "kept")));
            DriverFixture.await(f.driver.savepoint(tx, "s1"));
            DriverFixture.await(f.driver.mutate(tx, raw("INSERT INTO h (id, v) VALUES (?, ?)", 2L, "undone")));
            DriverFixture.await(f.driver.rollbackTo(tx, "s1"));
            DriverFixture.await(f.driver.release(tx, "s1"));
            assertThat(DriverFixture.await(f.driver.query(tx, raw("SELECT COUNT(*) FROM h"), null)).rows().get(0).get(0)
                    .toJava()).isEqualTo(1L);
            DriverFixture.await(f.driver.commit(tx));

            assertThat(f.scalar("SELECT COUNT(*) FROM h WHERE v = ?", "kept")).isEqualTo(1);
            assertThat(f.scalar("SELECT COUNT(*) FROM h")).isEqualTo(1);
            Throwable ended = DriverFixture.failure(f.driver.query(tx, raw("SELECT 1"), null));
            assertThat(ended).isInstanceOf(TransactionStateException.class).hasMessageContaining("has ended");
            assertThat(DriverFixture.failure(f.driver.rollback(tx))).isInstanceOf(TransactionStateException.class);
            assertThatThrownBy(() -> f.driver.transaction(id)).isInstanceOf(TransactionStateException.class);
        }
    }
}
