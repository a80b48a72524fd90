package io.oxyde.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.testkit.GaleraCluster;
import io.oxyde.testkit.PgBouncer;
import io.oxyde.testkit.PostgresReplication;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The test servers themselves: the standby replicates and lags on demand, pgbouncer pools, Galera replicates. */
@ExtendWith(Servers.class)
class TestServersTest {

    @Test
    void standbyReplicatesAndLagsOnDemand(PostgresReplication pg) throws SQLException {
        try (Connection p = pg.connectPrimary(); Statement s = p.createStatement()) {
            s.execute("DROP TABLE IF EXISTS so_servers_pg");
            s.execute("CREATE TABLE so_servers_pg (id int PRIMARY KEY)");
            s.execute("INSERT INTO so_servers_pg VALUES (1)");
        }
        pg.awaitReplayed();
        assertThat(count(pg, "SELECT count(*) FROM so_servers_pg")).isEqualTo(1);
        pg.pauseReplay();
        try {
            try (Connection p = pg.connectPrimary(); Statement s = p.createStatement()) {
                s.execute("INSERT INTO so_servers_pg VALUES (2)");
            }
            assertThat(count(pg, "SELECT count(*) FROM so_servers_pg")).isEqualTo(1);
        } finally {
            pg.resumeReplay();
        }
        pg.awaitReplayed();
        assertThat(count(pg, "SELECT count(*) FROM so_servers_pg")).isEqualTo(2);
        try (Connection r = pg.connectStandby(); Statement s = r.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    void pgbouncerRunsInTransactionMode(PgBouncer bouncer) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + bouncer.port() + "/test?user=postgres&prepareThreshold=0");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('port')")) {
            rs.next();
            assertThat(rs.getString(1)).isNotEqualTo(String.valueOf(bouncer.port()));
        }
    }

    @Test
    void galeraReplicatesToEveryNode(GaleraCluster galera) throws SQLException {
        try (Connection c = galera.connect(0); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS so_servers_galera");
            s.execute("CREATE TABLE so_servers_galera (id int PRIMARY KEY, v int)");
            s.execute("INSERT INTO so_servers_galera VALUES (1, 42)");
        }
        for (int i = 0; i < galera.size(); i++) {
            try (Connection c = galera.connect(i); Statement s = c.createStatement()) {
                s.execute("SET SESSION wsrep_sync_wait = 1");
                try (ResultSet rs = s.executeQuery("SELECT v FROM so_servers_galera WHERE id = 1")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(42);
                }
                try (ResultSet rs = s.executeQuery("SHOW STATUS LIKE 'wsrep_cluster_size'")) {
                    rs.next();
                    assertThat(rs.getInt(2)).isEqualTo(3);
                }
            }
        }
    }

    private static long count(PostgresReplication pg, String sql) throws SQLException {
        try (Connection r = pg.connectStandby(); Statement s = r.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
