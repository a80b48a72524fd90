package io.oxyde.reliability;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Value;
import io.oxyde.exception.IntegrityViolationException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.exception.UniqueViolationException;
import io.oxyde.reliability.Models.Item;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * A bulk insert of 10,000 rows whose row 7,000 (index 6,999) breaks a unique constraint:
 * inside a transaction it leaves no row behind, and the error names the failing row.
 */
class BulkInsertFailureTest {

    private static final int ROWS = 10_000;
    private static final int BAD = 6_999;

    private static void createTable(TestDatabase db) throws Exception {
        ConflictRetryTest.exec(db,
                "CREATE TABLE item (id INTEGER PRIMARY KEY, code VARCHAR(40) NOT NULL UNIQUE, n BIGINT NOT NULL)",
                "INSERT INTO item (id, code, n) VALUES (1, 'taken', 0)");
    }

    /** Rows 2..10001; row {@code BAD} reuses an existing code, or with {@code withinBatch} the code of row 12. */
    private static InsertIr insert(boolean withinBatch) {
        List<List<Value>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String code = i == BAD ? (withinBatch ? "c-12" : "taken") : "c-" + i;
            rows.add(List.of(Value.of(i + 2L), Value.of(code), Value.of((long) i)));
        }
        return new InsertIr("Item", "item", List.of("id", "code", "n"), rows, List.of(), null);
    }

    private static void assertRow(Throwable e) {
        assertThat(e).isInstanceOf(UniqueViolationException.class);
        IntegrityViolationException v = (IntegrityViolationException) e;
        assertThat(v.failedRow()).isEqualTo(BAD);
        assertThat(v.insertedRows()).isEqualTo(ROWS);
        assertThat(v.getMessage()).startsWith("row 6999 (0-based) of the 10000-row insert: unique constraint violated");
    }

    @AllDatabases
    void failedInsertInATransactionLeavesNothingAndNamesTheRow(TestDatabase db) throws Exception {
        createTable(db);
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2))) {
            for (boolean withinBatch : new boolean[] {false, true}) {
                long tx = Rig.await(rig.driver.begin(Rig.POOL));
                Rig.await(rig.driver.execute(tx, Rig.raw("INSERT INTO item (id, code, n) VALUES (99999, 'mine', 1)")));
                assertRow(Rig.failure(rig.driver.mutate(tx, insert(withinBatch))));
                // the transaction is still usable and holds only its own earlier row
                assertThat(Rig.await(rig.driver.query(tx, Rig.raw("SELECT count(*) FROM item"), null)).rows().get(0).get(0))
                        .isEqualTo(Value.of(2L));
                Rig.await(rig.driver.rollback(tx));
                assertThat(rig.scalar("SELECT count(*) FROM item")).isEqualTo(1);
            }
            rig.awaitQuiet();
        }
    }

    @AllDatabases
    void failedInsertOutsideATransactionIsAllOrNothingAndNamesTheRow(TestDatabase db) throws Exception {
        createTable(db);
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2))) {
            assertRow(Rig.failure(rig.driver.mutate(Rig.POOL, insert(false))));
            assertRow(Rig.failure(rig.driver.mutate(Rig.POOL, insert(true))));
            assertThat(rig.scalar("SELECT count(*) FROM item")).isEqualTo(1);
            // the good rows insert afterwards: nothing half-done is left in the way
            InsertIr good = insert(false);
            List<List<Value>> rows = new ArrayList<>(good.rows());
            rows.set(BAD, List.of(Value.of(BAD + 2L), Value.of("c-" + BAD), Value.of((long) BAD)));
            assertThat(Rig.await(rig.driver.mutate(Rig.POOL, new InsertIr("Item", "item", good.columns(), rows, List.of(),
                    null))).affected()).isEqualTo(ROWS);
            assertThat(rig.scalar("SELECT count(*) FROM item")).isEqualTo(ROWS + 1);
            rig.awaitQuiet();
        }
    }

    @AllDatabases
    void apiBulkCreateInAtomicLeavesNothingAndNamesTheRow(TestDatabase tdb) throws Exception {
        createTable(tdb);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            items.add(new Item(i + 2L, i == BAD ? "taken" : "c-" + i, (long) i));
        }
        try (Oxyde db = Models.open(tdb)) {
            // one batch: the driver reports the row of the whole list
            assertThatThrownBy(() -> await(db.atomic(tx -> tx.objects(Item.class).bulkCreate(items, ROWS))))
                    .satisfies(BulkInsertFailureTest::assertRow);
            assertThat(ConflictRetryTest.scalar(tdb, "SELECT count(*) FROM item")).isEqualTo(1);
            // the default outside atomic: one message of all 10,000, its statements in one transaction
            assertThatThrownBy(() -> await(db.objects(Item.class).bulkCreate(items)))
                    .satisfies(BulkInsertFailureTest::assertRow);
            assertThat(ConflictRetryTest.scalar(tdb, "SELECT count(*) FROM item")).isEqualTo(1);
            // explicit batches of 500: bulkCreate wraps them in a transaction of its own, and the
            // row is counted within the failing batch (batch 14 holds rows 6500..6999)
            assertThatThrownBy(() -> await(db.objects(Item.class).bulkCreate(items, 500)))
                    .isInstanceOfSatisfying(UniqueViolationException.class, v -> {
                        assertThat(v.failedRow()).isEqualTo(BAD % 500);
                        assertThat(v.insertedRows()).isEqualTo(500);
                    });
            assertThat(ConflictRetryTest.scalar(tdb, "SELECT count(*) FROM item")).isEqualTo(1);
        }
    }
}
