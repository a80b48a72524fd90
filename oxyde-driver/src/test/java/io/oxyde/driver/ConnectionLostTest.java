package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import io.oxyde.exception.ConnectionLostException;

/**
 * A server connection killed under a running query fails that query with
 * {@link ConnectionLostException}; the pool drops the dead connection and later work passes. SQLite is
 * embedded and has no server session that could be killed, so there the case does not exist;
 * the SQLite invocation only checks the pool answers.
 */
class ConnectionLostTest {

    @AllDatabases
    void killedConnectionFailsWithConnectionLostAndThePoolRecovers(TestDatabase db) throws Exception {
        try (DriverFixture f = new DriverFixture(db, PoolSettings.builder().maxConnections(2).build())) {
            if (f.kind() == DatabaseKind.SQLITE) {
                assertThat(f.scalar("SELECT 1")).isEqualTo(1);
                return;
            }
            String marker = "kill_" + UUID.randomUUID().toString().replace("-", "");
            String sleep = (f.kind() == DatabaseKind.POSTGRES ? "SELECT pg_sleep(30)" : "SELECT SLEEP(30)")
                    + " /* " + marker + " */";
            CompletableFuture<?> running = f.driver.execute(DriverFixture.POOL, DriverFixture.raw(sleep));
            try (Connection admin = db.connect()) {
                long session = waitForSession(admin, f.kind(), marker);
                try (Statement s = admin.createStatement()) {
                    if (f.kind() == DatabaseKind.POSTGRES) {
                        s.execute("SELECT pg_terminate_backend(" + session + ")");
                    } else {
                        s.execute("KILL " + session);
                    }
                }
            }
            Throwable e = DriverFixture.failure(running);
            assertThat(e).isInstanceOf(ConnectionLostException.class).hasMessageContaining("connection lost");
            assertThat(((ConnectionLostException) e).sql()).contains(marker);
            for (int i = 0; i < 5; i++) {
                assertThat(f.scalar("SELECT 40 + ?", i)).isEqualTo(40 + i);
            }
            assertThat(f.pool.stats().activeConnections()).isZero();
        }
    }

    private static long waitForSession(Connection admin, DatabaseKind kind, String marker) throws Exception {
        String sql = kind == DatabaseKind.POSTGRES
                ? "SELECT pid FROM pg_stat_activity WHERE query LIKE ? AND pid <> pg_backend_pid()"
                : "SELECT id FROM information_schema.processlist WHERE info LIKE ? AND id <> CONNECTION_ID()";
        for (int i = 0; i < 500; i++) {
            try (PreparedStatement ps = admin.prepareStatement(sql)) {
                ps.setString(1, "%/* " + marker + " */%");
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the query never showed up on the server");
    }
}
