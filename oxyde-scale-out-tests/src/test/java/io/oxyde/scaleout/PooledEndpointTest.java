package io.oxyde.scaleout;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.AtomicOptions;
import io.oxyde.annotation.Id;
import io.oxyde.Oxyde;
import io.oxyde.annotation.Table;
import io.oxyde.exception.DatabaseException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.migrate.ConnectionSource;
import io.oxyde.migrate.Migration;
import io.oxyde.dialect.Dialect;
import io.oxyde.migrate.MigrationOperation;
import io.oxyde.migrate.MigrationRun;
import io.oxyde.migrate.Migrator;
import io.oxyde.migrate.Schema;
import io.oxyde.testkit.PgBouncer;
import io.oxyde.testkit.PostgresReplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * pgbouncer in transaction mode in front of the tests' own PostgreSQL: without {@code pooled},
 * pgjdbc's server-side prepared statements break on the shared server connections; with it,
 * queries and transactions work and migrations (row lock) run through the pooler.
 */
@ExtendWith(Servers.class)
class PooledEndpointTest {

    static final String TABLE = "so_pooled_item";

    @Table(TABLE)
    public record Item(@Id Long id, String name) {
    }

    private final PostgresReplication pg;

    PooledEndpointTest(PostgresReplication pg) {
        this.pg = pg;
    }

    @BeforeEach
    void table() throws SQLException {
        try (Connection c = pg.connectPrimary(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (id bigserial PRIMARY KEY, name text NOT NULL)");
            s.execute("INSERT INTO " + TABLE + " (name) SELECT 'item' || g FROM generate_series(1, 10) g");
        }
    }

    /** 80 concurrent selects over 4 client connections that share one server connection. */
    private static List<Throwable> workload(Oxyde db) {
        List<CompletableFuture<List<Item>>> all = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            all.add(db.objects(Item.class).filter("id__lte", 5 + i % 5).orderBy("id").all());
        }
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            try {
                assertThat(await(all.get(i))).hasSize(5 + i % 5);
            } catch (DatabaseException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    private static PoolSettings.Builder settings() {
        return PoolSettings.builder().maxConnections(4).minConnections(4).acquireTimeout(Duration.ofSeconds(10));
    }

    @Test
    void withoutPooledServerSidePreparedStatementsBreakWithItTheyDoNot() {
        try (PgBouncer oneServerConnection = PgBouncer.start(pg.primaryPort(), 1)) {
            List<Throwable> failures;
            try (Oxyde db = Oxyde.connect("so_unpooled", oneServerConnection.url("test"), settings().build())) {
                failures = workload(db);
            }
            // pgjdbc prepares S_1 after five uses on each client connection; on the one shared server
            // connection the second S_1 clashes (42P05) or a client finds it missing (26000)
            assertThat(failures).isNotEmpty().allSatisfy(e -> assertThat(((DatabaseException) e).sqlState())
                    .isIn("42P05", "26000"));
            try (Oxyde db = Oxyde.connect("so_pooled", oneServerConnection.url("test"), settings().pooled(true).build())) {
                assertThat(workload(db)).isEmpty();
                // transactions set their isolation inside the transaction, never as session state
                String inside = await(db.atomic(AtomicOptions.serializable(), tx -> tx.raw("SHOW transaction_isolation").all()))
                        .get(0).values().iterator().next().toString();
                assertThat(inside).isEqualTo("serializable");
                String after = await(db.atomic(tx -> tx.raw("SHOW transaction_isolation").all()))
                        .get(0).values().iterator().next().toString();
                assertThat(after).isEqualTo("read committed");
                // a write and a read-only transaction through the pooler
                await(db.atomic(tx -> tx.objects(Item.class).filter("id", 1).update(Map.of("name", "renamed"))));
                assertThat(await(db.atomic(AtomicOptions.defaults().readOnly(),
                        tx -> tx.objects(Item.class).get("id", 1L))).name()).isEqualTo("renamed");
            }
        }
    }

    @Test
    void concurrentMigrationsThroughPgbouncerRunOnceUnderTheRowLock(PgBouncer bouncer) throws Exception {
        // a database of its own (pgbouncer 1.18 drops the search_path startup parameter that
        // currentSchema would send, so a schema per test does not work through it)
        try (Connection c = pg.connectPrimary(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS so_pooled_mig");
            s.execute("CREATE DATABASE so_pooled_mig");
        }
        String url = "jdbc:postgresql://127.0.0.1:" + bouncer.port() + "/so_pooled_mig?user=postgres&prepareThreshold=0";
        ConnectionSource source = () -> DriverManager.getConnection(url);
        List<Migration> migrations = List.of(Migration.of("0001_slow_table", List.of(), List.of(
                new MigrationOperation.RawSql(List.of("CREATE TABLE migrated (id int PRIMARY KEY)",
                        "SELECT pg_sleep(1)", "INSERT INTO migrated VALUES (1)"),
                        List.of("DROP TABLE migrated"), List.of())), Schema.empty()));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<MigrationRun>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(two.submit(() -> new Migrator(source, Dialect.POSTGRES, migrations).migrate()));
            }
            List<MigrationRun> done = new ArrayList<>();
            for (Future<MigrationRun> r : runs) {
                done.add(r.get());
            }
            assertThat(done.stream().mapToInt(r -> r.applied().size()).sum()).isEqualTo(1);
        } finally {
            two.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.primaryPort()
                + "/so_pooled_mig?user=postgres"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM migrated")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM oxyde_migrations")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT holder FROM oxyde_migration_lock WHERE id = 1")) {
                rs.next();
                assertThat(rs.getString(1)).as("lock released").isNull();
            }
            // no session advisory lock was left behind on any server connection
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
