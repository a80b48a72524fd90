package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import io.oxyde.exception.UniqueViolationException;

/**
 * The driver keeps prepared statements per connection (io.oxyde.driver.internal.StatementCache):
 * repeated queries must return the same answers as fresh statements would, a failed statement
 * must not poison the next run, raw SQL must see schema changes, and no cached statement may
 * keep a lock or a transaction open between queries.
 */
class StatementCachingTest {

    @AllDatabases
    void repeatedQueriesReuseStatementsAndReturnFreshResults(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db, PoolSettings.builder().maxConnections(1).build())) {
            f.sql("CREATE TABLE sc_item (" + f.idColumn() + ", name VARCHAR(20) NOT NULL, qty INTEGER)");
            for (int i = 0; i < 5; i++) {
                f.run(new InsertIr("Item", "sc_item", List.of("name", "qty"),
                        List.of(List.of(Value.of("n" + i), Value.of((long) i))), List.of("id"), null));
            }
            for (long qty = 0; qty < 5; qty++) {
                SelectIr q = SelectIr.from("sc_item").columns("name", "qty")
                        .filter(FilterNode.condition("qty", Lookup.GTE, Value.of(qty))).build();
                RowSet rows = typedRows(f, q, List.of(ValueKind.TEXT, ValueKind.INT));
                assertThat(rows.rows()).hasSize((int) (5 - qty));
                assertThat(rows.columns()).containsExactly("name", "qty");
                assertThat(rows.rows().get(0).get(0)).isEqualTo(Value.of("n" + qty));
            }
            assertThat(f.registry.managed(DriverFixture.POOL).statementCache().size())
                    .as("the CREATE TABLE, the insert and the select are each prepared once").isEqualTo(3);
        }
    }

    @AllDatabases
    void aFailedStatementDoesNotPoisonTheNextRunOfTheSameSql(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db, PoolSettings.builder().maxConnections(1).build())) {
            f.sql("CREATE TABLE sc_unique (" + f.idColumn() + ", code VARCHAR(10) NOT NULL UNIQUE)");
            InsertIr first = insertCode("a");
            f.run(first);
            assertThatThrownBy(() -> f.run(insertCode("a"))).isInstanceOf(UniqueViolationException.class);
            f.run(insertCode("b"));
            f.run(insertCode("c"));
            assertThat(f.scalar("SELECT COUNT(*) FROM sc_unique")).isEqualTo(3);
        }
    }

    @AllDatabases
    void rawSqlSeesSchemaChangesBetweenRuns(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db, PoolSettings.builder().maxConnections(1).build())) {
            f.sql("CREATE TABLE sc_alter (a INTEGER)");
            f.sql("INSERT INTO sc_alter (a) VALUES (1)");
            assertThat(f.rows("SELECT * FROM sc_alter").columns()).containsExactly("a");
            f.sql("ALTER TABLE sc_alter ADD COLUMN b VARCHAR(10)");
            f.sql("UPDATE sc_alter SET b = 'x'");
            RowSet after = f.rows("SELECT * FROM sc_alter");
            assertThat(after.columns()).containsExactly("a", "b");
            assertThat(DriverFixture.javaRow(after, 0)).containsExactly(1L, "x");
        }
    }

    @AllDatabases
    void cachedStatementsHoldNoLockBetweenQueries(TestDatabase db) throws Exception {
        try (DriverFixture f = new DriverFixture(db, PoolSettings.builder().maxConnections(2).minConnections(2).build())) {
            f.sql("CREATE TABLE sc_lock (" + f.idColumn() + ", v INTEGER)");
            f.sql("INSERT INTO sc_lock (v) VALUES (1), (2), (3)");
            List<Long> seen = new ArrayList<>();
            for (int i = 0; i < 10; i++) { // more than pgjdbc's prepareThreshold, so server-side statements too
                RowSet r = typedRows(f, SelectIr.from("sc_lock").columns("v").build(), null);
                seen.add((long) r.rows().size());
                assertThat(f.scalar("SELECT COUNT(*) FROM sc_lock WHERE v > ?", 1)).isEqualTo(2);
            }
            assertThat(seen).containsOnly(3L);
            // another connection changes the table's schema with a short lock timeout: an open read
            // transaction or an unreset statement on a pooled connection would block it
            try (Connection other = db.connect(); Statement s = other.createStatement()) {
                if (db.kind() == DatabaseKind.SQLITE) {
                    try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("checkpoint not blocked by a reader").isZero();
                    }
                    s.execute("ALTER TABLE sc_lock ADD COLUMN w INTEGER");
                } else {
                    s.execute(db.kind() == DatabaseKind.POSTGRES ? "SET lock_timeout = '3s'" : "SET lock_wait_timeout = 3");
                    s.execute("ALTER TABLE sc_lock ADD COLUMN w INTEGER");
                }
            }
            assertThat(f.scalar("SELECT COUNT(*) FROM sc_lock WHERE w IS NULL")).isEqualTo(3);
        }
    }

    private static InsertIr insertCode(String code) {
        return new InsertIr("Unique", "sc_unique", List.of("code"), List.of(List.of(Value.of(code))), List.of(), null);
    }

    private static RowSet typedRows(DriverFixture f, SelectIr q, List<ValueKind> kinds) {
        return DriverFixture.await(f.driver.query(DriverFixture.POOL, q, kinds));
    }
}
