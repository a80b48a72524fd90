package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.oxyde.Oxyde;
import io.oxyde.chinook.Artist;
import io.oxyde.exception.ConfigurationException;
import io.oxyde.driver.OxydeDriver;
import io.oxyde.driver.Pool;
import io.oxyde.dialect.Dialect;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import io.oxyde.testkit.AllDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code Oxyde.connect(name, DataSource, Dialect)}: queries and transactions on connections
 * borrowed from a HikariCP pool the application (here: the test) created and closes.
 */
class ExternalDataSourceTest {

    private static final AtomicInteger POOLS = new AtomicInteger();

    static HikariDataSource hikari(TestDatabase db, boolean autoCommit) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("app-pool-" + POOLS.incrementAndGet());
        c.setJdbcUrl(db.jdbcUrl());
        c.setUsername(db.user());
        c.setPassword(db.password());
        c.setMaximumPoolSize(3);
        c.setAutoCommit(autoCommit);
        return new HikariDataSource(c);
    }

    private static Dialect declared(DatabaseKind kind) {
        return switch (kind) {
            case SQLITE -> Dialect.SQLITE;
            case POSTGRES -> Dialect.POSTGRES;
            case MARIADB -> Dialect.MYSQL; // detected as MariaDB from the server
        };
    }

    @AllDatabases
    void queriesAndTransactionsRunOnTheApplicationsPoolWhichStaysOpen(TestDatabase tdb) throws Exception {
        try (Connection c = tdb.connect()) {
            ChinookSchema.create(c, tdb.kind());
        }
        String name = "external_" + POOLS.incrementAndGet();
        try (HikariDataSource app = hikari(tdb, true)) {
            try (Oxyde db = Oxyde.connect(name, app, declared(tdb.kind()))) {
                assertThat(db.dialect()).isEqualTo(tdb.kind() == DatabaseKind.MARIADB ? Dialect.MARIADB
                        : declared(tdb.kind()));
                Pool pool = OxydeDriver.global().pools().get(name);
                assertThat(pool.maxConnections()).as("executors sized to the application's pool").isEqualTo(3);
                assertThat(pool.redactedUrl()).startsWith("jdbc:");

                Artist created = await(db.objects(Artist.class).create(new Artist(null, "Borrowed")));
                assertThat(await(db.objects(Artist.class).get("name", "Borrowed")).id()).isEqualTo(created.id());

                await(db.atomic(tx -> tx.objects(Artist.class).create(new Artist(null, "Committed"))));
                IllegalStateException boom = new IllegalStateException("boom");
                assertThatThrownBy(() -> await(db.atomic(tx -> tx.objects(Artist.class)
                        .create(new Artist(null, "Rolled back"))
                        .thenCompose(a -> CompletableFuture.failedFuture(boom))))).isSameAs(boom);
                assertThat(WritesTest.scalar(tdb, "SELECT count(*) FROM artist")).isEqualTo(2L);
                assertThat(WritesTest.scalar(tdb, "SELECT count(*) FROM artist WHERE name = 'Rolled back'")).isZero();

                assertThat(app.getHikariPoolMXBean().getActiveConnections()).as("every connection returned").isZero();
                assertThat(pool.stats().totalConnections()).isEqualTo(app.getHikariPoolMXBean().getTotalConnections());
            }
            assertThat(OxydeDriver.global().pools().contains(name)).isFalse();
            assertThat(app.isClosed()).as("closing Oxyde leaves the application's pool open").isFalse();
            try (Connection c = app.getConnection(); Statement s = c.createStatement()) {
                assertThat(s.execute("SELECT 1")).isTrue();
            }
        }
    }

    @AllDatabases
    void aPoolWithAutoCommitOffIsRefusedAndLeftOpen(TestDatabase tdb) throws Exception {
        try (HikariDataSource app = hikari(tdb, false)) {
            assertThatThrownBy(() -> Oxyde.connect("external_ac_" + POOLS.incrementAndGet(), app, declared(tdb.kind())))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("auto-commit off")
                    .hasMessageContaining("autoCommit=true");
            assertThat(app.isClosed()).isFalse();
        }
    }
}
