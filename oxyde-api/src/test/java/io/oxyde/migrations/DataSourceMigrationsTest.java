package io.oxyde.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.migration.Migrations;
import io.oxyde.chinook.ChinookData;
import io.oxyde.exception.MigrationException;
import io.oxyde.migrate.MigrationStatus;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The DataSource overloads of {@link Migrations} on every database, and URL errors. */
class DataSourceMigrationsTest {

    @AllDatabases
    void migrateStatusRollbackThroughADataSource(TestDatabase db) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-ds");
        Migrations.makeMigrations(ChinookData.MODELS, dir, null, false).orElseThrow();
        DataSource ds = new TestDataSource(db);
        assertThat(Migrations.status(ds, dir)).extracting(MigrationStatus::applied).containsExactly(false);
        assertThat(Migrations.migrate(ds, dir).applied()).containsExactly("0001_initial");
        assertThat(Migrations.status(ds, dir)).extracting(MigrationStatus::applied).containsExactly(true);
        assertThat(Migrations.migrate(ds, dir, null, false).applied()).isEmpty();
        assertThat(Migrations.rollback(ds, dir, "zero").rolledBack()).containsExactly("0001_initial");
        assertThat(Migrations.migrate(ds, dir, "0001_initial", true).applied()).containsExactly("0001_initial");
        try (Connection c = db.connect()) {
            assertThat(c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "artist", null).next())
                    .as("--fake ran no DDL").isFalse();
        }
    }

    @org.junit.jupiter.api.Test
    void badUrlsAreNamed() {
        Path dir = Path.of("unused");
        assertThatThrownBy(() -> Migrations.migrate("", dir)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("no database URL");
        assertThatThrownBy(() -> Migrations.migrate("sqlite::memory:", dir)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("in-memory");
        assertThatThrownBy(() -> Migrations.status("postgresql://nobody@127.0.0.1:1/none", dir))
                .isInstanceOf(MigrationException.class).hasMessageContaining("cannot connect");
        assertThatThrownBy(() -> Migrations.rollback("sqlite:never-created.db", dir, " ")).isInstanceOf(MigrationException.class)
                .hasMessageContaining("rollback needs a target");
    }

    /** A DataSource over the test kit's connections. */
    private record TestDataSource(TestDatabase db) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return db.connect();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return db.connect();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // not logged
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // not used
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
