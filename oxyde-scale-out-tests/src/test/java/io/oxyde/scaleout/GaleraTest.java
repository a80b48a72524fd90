package io.oxyde.scaleout;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.AtomicOptions;
import io.oxyde.annotation.Id;
import io.oxyde.Oxyde;
import io.oxyde.annotation.Table;
import io.oxyde.exception.DeadlockException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.migrate.ConnectionSource;
import io.oxyde.migrate.Migration;
import io.oxyde.dialect.Dialect;
import io.oxyde.migrate.MigrationOperation;
import io.oxyde.migrate.MigrationRun;
import io.oxyde.migrate.Migrator;
import io.oxyde.migrate.Schema;
import io.oxyde.testkit.GaleraCluster;
import java.sql.Connection;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real three-node Galera cluster: the same row updated on two nodes at once fails
 * certification on one of them (error 1213, a retryable {@link DeadlockException}), {@code atomic(retries)}
 * runs the loser again, and no update is lost; the migration lock (a lease row) holds across nodes.
 */
@ExtendWith(Servers.class)
class GaleraTest {

    @Table("so_galera_counter")
    public record Counter(@Id Long id, Integer n) {
    }

    private final GaleraCluster galera;

    GaleraTest(GaleraCluster galera) {
        this.galera = galera;
    }

    private void counterTable() throws SQLException {
        try (Connection c = galera.connect(0); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS so_galera_counter");
            s.execute("CREATE TABLE so_galera_counter (id BIGINT PRIMARY KEY, n INT NOT NULL)");
            s.execute("INSERT INTO so_galera_counter VALUES (1, 0)");
        }
    }

    private static Oxyde node(GaleraCluster g, int i, String name) {
        return Oxyde.connect(name, g.url(i), PoolSettings.builder().maxConnections(4).build());
    }

    /**
     * Read the counter ({@code FOR UPDATE}: serialised on one node by InnoDB's row lock, which Galera
     * does not replicate), wait a little so the other node's transaction overlaps, write it back
     * plus one. Across nodes only certification stops a lost update.
     */
    private static CompletableFuture<Integer> increment(Oxyde db, AtomicOptions options, AtomicInteger attempts) {
        return db.atomic(options, tx -> {
            attempts.incrementAndGet();
            return tx.objects(Counter.class).forUpdate().get("id", 1L).thenCompose(c -> {
                CompletableFuture<Void> pause = new CompletableFuture<>();
                CompletableFuture.delayedExecutor(15, TimeUnit.MILLISECONDS).execute(() -> pause.complete(null));
                return pause.thenCompose(v -> tx.objects(Counter.class).filter("id", 1L).update(Map.of("n", c.n() + 1)));
            });
        });
    }

    @Test
    void certificationFailuresAreRetriedAndNoUpdateIsLost() throws SQLException {
        counterTable();
        try (Oxyde a = node(galera, 0, "so_galera_a"); Oxyde b = node(galera, 1, "so_galera_b")) {
            AtomicInteger attempts = new AtomicInteger();
            AtomicOptions retrying = AtomicOptions.defaults().retries(100).backoff(Duration.ofMillis(5));
            List<CompletableFuture<Integer>> work = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                work.add(increment(a, retrying, attempts));
                work.add(increment(b, retrying, attempts));
            }
            for (CompletableFuture<Integer> f : work) {
                assertThat(await(f)).isEqualTo(1);
            }
            // certification failures happened (more attempts than transactions) and were retried
            assertThat(attempts.get()).isGreaterThan(30);
            for (int i = 0; i < galera.size(); i++) {
                try (Connection c = galera.connect(i); Statement s = c.createStatement()) {
                    s.execute("SET SESSION wsrep_sync_wait = 1");
                    try (ResultSet rs = s.executeQuery("SELECT n FROM so_galera_counter WHERE id = 1")) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("node %d", i).isEqualTo(30);
                    }
                }
            }
            System.out.printf("[scale-out] Galera: 30 increments on two nodes took %d attempts%n", attempts.get());
        }
    }

    @Test
    void withoutRetriesTheCertificationFailureIsATypedRetryableDeadlock() throws SQLException {
        counterTable();
        try (Oxyde a = node(galera, 0, "so_galera_c"); Oxyde b = node(galera, 1, "so_galera_d")) {
            AtomicInteger attempts = new AtomicInteger();
            List<CompletableFuture<Integer>> work = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                work.add(increment(a, AtomicOptions.defaults(), attempts));
                work.add(increment(b, AtomicOptions.defaults(), attempts));
            }
            List<DeadlockException> failures = new ArrayList<>();
            int committed = 0;
            for (CompletableFuture<Integer> f : work) {
                try {
                    await(f);
                    committed++;
                } catch (DeadlockException e) {
                    failures.add(e);
                }
            }
            assertThat(failures).isNotEmpty().allSatisfy(e -> {
                assertThat(e.vendorCode()).isEqualTo(1213);
                assertThat(e.isRetryable()).isTrue();
            });
            try (Connection c = galera.connect(2); Statement s = c.createStatement()) {
                s.execute("SET SESSION wsrep_sync_wait = 1");
                try (ResultSet rs = s.executeQuery("SELECT n FROM so_galera_counter WHERE id = 1")) {
                    rs.next();
                    // every committed increment is there, none of the aborted ones (no lost update)
                    assertThat(rs.getInt(1)).isEqualTo(committed);
                }
            }
        }
    }

    @Test
    void aMigrationCreatingATableWithoutAPrimaryKeyIsRefusedOnGalera() throws SQLException {
        try (Connection c = galera.connect(2); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS so_galera_nopk");
            s.execute("DROP TABLE IF EXISTS oxyde_migrations");
        }
        Migration noKey = Migration.of("0001_no_key", List.of(), List.of(new MigrationOperation.CreateTable(
                io.oxyde.migrate.TableDefinition.named("so_galera_nopk").withColumn(io.oxyde.migrate.ColumnDefinition.of("v",
                        io.oxyde.migrate.ColumnType.integer())))), Schema.empty());
        Migrator migrator = new Migrator(() -> galera.connect(2), Dialect.MARIADB, List.of(noKey));
        org.assertj.core.api.Assertions.assertThatThrownBy(migrator::migrate)
                .isInstanceOf(io.oxyde.exception.MigrationException.class)
                .hasMessageContaining("without a primary key");
        try (Connection c = galera.connect(2); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.TABLES"
                     + " WHERE TABLE_SCHEMA = 'test' AND TABLE_NAME = 'so_galera_nopk'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("nothing ran").isZero();
        }
    }

    @Test
    void migrationsOnTwoNodesAtOnceRunOnceUnderTheClusterWideLock() throws Exception {
        try (Connection c = galera.connect(0); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS so_galera_migrated");
            s.execute("DROP TABLE IF EXISTS oxyde_migrations");
            s.execute("DROP TABLE IF EXISTS oxyde_migration_lock");
        }
        List<Migration> migrations = List.of(Migration.of("0001_slow_table", List.of(), List.of(
                new MigrationOperation.RawSql(List.of("CREATE TABLE so_galera_migrated (id INT PRIMARY KEY)",
                        "DO SLEEP(1)", "INSERT INTO so_galera_migrated VALUES (1)"),
                        List.of("DROP TABLE so_galera_migrated"), List.of())), Schema.empty()));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<MigrationRun>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                int n = node;
                ConnectionSource source = () -> galera.connect(n);
                runs.add(two.submit(() -> new Migrator(source, Dialect.MARIADB, migrations).migrate()));
            }
            int applied = 0;
            for (Future<MigrationRun> r : runs) {
                applied += r.get().applied().size();
            }
            assertThat(applied).isEqualTo(1);
        } finally {
            two.shutdownNow();
        }
        for (int i = 0; i < galera.size(); i++) {
            try (Connection c = galera.connect(i); Statement s = c.createStatement()) {
                s.execute("SET SESSION wsrep_sync_wait = 1");
                try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM so_galera_migrated),"
                        + " (SELECT count(*) FROM oxyde_migrations), (SELECT holder FROM oxyde_migration_lock)")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                    assertThat(rs.getInt(2)).isEqualTo(1);
                    assertThat(rs.getString(3)).as("lock released").isNull();
                }
            }
        }
    }
}
