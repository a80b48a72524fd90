package io.oxyde.driver;

import io.oxyde.exception.TransactionState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.dialect.Dialect;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import io.oxyde.exception.ConfigurationException;
import io.oxyde.exception.PoolAlreadyExistsException;
import io.oxyde.exception.PoolNotFoundException;
import io.oxyde.exception.TransactionStateException;

/** Named pools: init, lookup, close, concurrent use, dialect defaults. */
class PoolRegistryTest {

    @AllDatabases
    void initGetCloseAndErrors(TestDatabase db) throws Exception {
        try (PoolRegistry registry = new PoolRegistry()) {
            Pool a = registry.init("a", db.oxydeUrl(), PoolSettings.defaults());
            assertThat(registry.get("a")).isSameAs(a);
            assertThat(a.dialect()).isEqualTo(expected(db.kind()));
            assertThatThrownBy(() -> registry.init("a", db.oxydeUrl())).isInstanceOf(PoolAlreadyExistsException.class)
                    .hasMessageContaining("'a'");
            registry.init("b", db.oxydeUrl());
            assertThatThrownBy(() -> registry.get("zzz")).isInstanceOf(PoolNotFoundException.class)
                    .hasMessageContaining("'zzz'").hasMessageContaining("a, b");
            assertThat(registry.close("a")).isTrue();
            assertThat(registry.close("a")).isFalse();
            assertThat(registry.names()).containsExactly("b");

            // many threads racing to open the same name: exactly one wins
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Boolean>> tasks = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    tasks.add(() -> {
                        try {
                            registry.init("race", db.oxydeUrl());
                            return true;
                        } catch (PoolAlreadyExistsException e) {
                            return false;
                        }
                    });
                }
                int wins = 0;
                for (Future<Boolean> r : pool.invokeAll(tasks)) {
                    wins += r.get() ? 1 : 0;
                }
                assertThat(wins).isEqualTo(1);
            } finally {
                pool.shutdown();
            }
            registry.closeAll();
            assertThat(registry.names()).isEmpty();
        }
    }

    @AllDatabases
    void closingAPoolEndsItsTransactions(TestDatabase db) {
        try (PoolRegistry registry = new PoolRegistry()) {
            OxydeDriver driver = new OxydeDriver(registry);
            registry.init("c", db.oxydeUrl());
            long tx = DriverFixture.await(driver.begin("c"));
            assertThat(registry.close("c")).isTrue();
            Throwable e = DriverFixture.failure(driver.execute(tx, DriverFixture.raw("SELECT 1")));
            assertThat(e).isInstanceOf(TransactionStateException.class).hasMessageContaining("pool was closed");
            assertThat(driver.transactionState(tx)).isEqualTo(TransactionState.FAILED);
            assertThat(DriverFixture.failure(driver.execute("c", DriverFixture.raw("SELECT 1"))))
                    .isInstanceOf(PoolNotFoundException.class).hasMessageContaining("'c'");
        }
    }

    @AllDatabases
    void mysqlSchemeDetectsMariaDbFromTheServer(TestDatabase db) {
        if (db.kind() != DatabaseKind.MARIADB) {
            // only a MariaDB server can be detected as MariaDB; other URLs keep their dialect
            try (PoolRegistry registry = new PoolRegistry()) {
                assertThat(registry.init("p", db.oxydeUrl()).dialect()).isEqualTo(expected(db.kind()));
            }
            return;
        }
        try (PoolRegistry registry = new PoolRegistry()) {
            Pool p = registry.init("p", db.oxydeUrl().replaceFirst("^mariadb://", "mysql://"));
            assertThat(p.dialect()).isEqualTo(Dialect.MARIADB);
        }
    }

    @Test
    void inMemorySqliteSharesOneConnection() {
        try (PoolRegistry registry = new PoolRegistry()) {
            OxydeDriver driver = new OxydeDriver(registry);
            Pool p = registry.init("mem", "sqlite::memory:", PoolSettings.builder().maxConnections(8).build());
            assertThat(p.maxConnections()).isEqualTo(1);
            DriverFixture.await(driver.execute("mem", DriverFixture.raw("CREATE TABLE m (x INTEGER)")));
            DriverFixture.await(driver.execute("mem", DriverFixture.raw("INSERT INTO m VALUES (1), (2)")));
            long n = (Long) DriverFixture.await(driver.query("mem", DriverFixture.raw("SELECT SUM(x) FROM m"), null))
                    .rows().get(0).get(0).toJava();
            assertThat(n).isEqualTo(3);
        }
    }

    @Test
    void unreachableDatabaseFailsInitWithoutThePassword() {
        try (PoolRegistry registry = new PoolRegistry()) {
            assertThatThrownBy(() -> registry.init("x", "postgresql://u:topsecret@127.0.0.1:1/db",
                    PoolSettings.builder().acquireTimeout(java.time.Duration.ofMillis(500)).build()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("cannot open pool 'x'")
                    .hasMessageNotContaining("topsecret");
            assertThat(registry.names()).isEmpty();
        }
    }

    private static Dialect expected(DatabaseKind kind) {
        switch (kind) {
            case SQLITE:
                return Dialect.SQLITE;
            case POSTGRES:
                return Dialect.POSTGRES;
            default:
                return Dialect.MARIADB;
        }
    }
}
