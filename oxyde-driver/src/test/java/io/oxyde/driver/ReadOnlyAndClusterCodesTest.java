package io.oxyde.driver;

import io.oxyde.exception.ReadOnlyTransactionException;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.driver.internal.ErrorClassifier;
import io.oxyde.dialect.Dialect;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import io.oxyde.exception.DatabaseException;
import io.oxyde.exception.DeadlockException;
import io.oxyde.exception.OxydeException;
import io.oxyde.exception.SerializationFailureException;

/**
 * SQLSTATE 25006 (a write in a read-only transaction) from the real servers, and the codes of
 * engines this machine cannot run (TiDB), classified from the numbers their documentation gives.
 * The hot-standby and Galera cases run against real servers in oxyde-scale-out-tests.
 */
class ReadOnlyAndClusterCodesTest {

    @AllDatabases
    void aWriteInAReadOnlyTransactionIsTyped(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db)) {
            f.sql("CREATE TABLE ro_cls (id INTEGER PRIMARY KEY)");
            long tx = DriverFixture.await(f.driver.begin(DriverFixture.POOL, TxOptions.readOnlyDefault()));
            Throwable e = DriverFixture.failure(f.driver.execute(tx, DriverFixture.raw("INSERT INTO ro_cls (id) VALUES (1)")));
            DriverFixture.await(f.driver.rollback(tx));
            if (db.kind() == DatabaseKind.SQLITE) {
                // PRAGMA query_only answers SQLITE_READONLY, which has no SQLSTATE: still refused
                assertThat(e).isInstanceOf(DatabaseException.class);
                return;
            }
            if (db.kind() == DatabaseKind.MARIADB) {
                // Connector/J refuses the write itself on a read-only connection (S1009, before the
                // server sees it); what the server answers is checked on a plain connection
                assertThat(e).isInstanceOf(DatabaseException.class);
                e = serverAnswer(db);
            }
            assertThat(e).as("%s: %s", db.kind(), e).isInstanceOf(ReadOnlyTransactionException.class);
            ReadOnlyTransactionException ro = (ReadOnlyTransactionException) e;
            assertThat(ro.isRetryable()).isFalse();
            if (db.kind() == DatabaseKind.POSTGRES) {
                assertThat(ro.sqlState()).isEqualTo("25006");
            } else {
                assertThat(ro.vendorCode()).isEqualTo(1792);
            }
        }
    }

    private static Throwable serverAnswer(TestDatabase db) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("START TRANSACTION READ ONLY");
            try {
                s.executeUpdate("INSERT INTO ro_cls (id) VALUES (2)");
                return null;
            } catch (SQLException e) {
                return ErrorClassifier.translate(e, Dialect.MARIADB, "main", "INSERT", false);
            } finally {
                s.execute("ROLLBACK");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tidbRetryableCodesAreSerializationFailures() {
        for (int code : new int[] {8002, 8005, 8022, 8028, 9007}) {
            SQLException e = new SQLException("tidb says " + code, "HY000", code);
            OxydeException x = ErrorClassifier.translate(e, Dialect.MYSQL, "tidb", "UPDATE t SET v = ?", false);
            assertThat(x).as("code %d", code).isInstanceOf(SerializationFailureException.class);
            assertThat(x.isRetryable()).isTrue();
        }
    }

    @Test
    void galeraCertificationFailureIsARetryableDeadlock() {
        // what a Galera node answers when a write set loses certification (also checked live)
        SQLException e = new SQLException("Deadlock found when trying to get lock; try restarting transaction",
                "40001", 1213);
        OxydeException x = ErrorClassifier.translate(e, Dialect.MARIADB, "galera", "UPDATE t SET v = ?", false);
        assertThat(x).isInstanceOf(DeadlockException.class);
        assertThat(x.isRetryable()).isTrue();
    }

    @Test
    void recoveryConflictIsASerializationFailure() {
        SQLException e = new SQLException("canceling statement due to conflict with recovery", "40001", 0);
        assertThat(ErrorClassifier.translate(e, Dialect.POSTGRES, "replica", "SELECT 1", false))
                .isInstanceOf(SerializationFailureException.class);
    }
}
