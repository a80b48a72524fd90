package io.oxyde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.cli.CliRunner.Result;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** makemigrations, migrate, showmigrations and a rename through the CLI on SQLite, PostgreSQL and MariaDB. */
class AllDatabasesCliTest {

    @AllDatabases
    void migrateRenameAndRollBack(TestDatabase db) throws Exception {
        Path work = Files.createTempDirectory("oxyde-cli");
        CliRunner cli = new CliRunner(work);
        String url = db.oxydeUrl();
        assertOk(cli.run("makemigrations", "--models", "io.oxyde.cli.shop", "-cp", CliRunner.TEST_CLASSES, "--dir", "m"));
        Result migrated = cli.run("migrate", "--dir", "m", "--url", url);
        assertOk(migrated);
        assertThat(migrated.out()).contains("Applied 0001_initial");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO customer (id, email, name) VALUES (1, 'ann@example.com', 'Ann')");
            s.executeUpdate("INSERT INTO purchase (customer_id, amount) VALUES (1, 12.50)");
        }
        assertOk(cli.run("makemigrations", "--models", "io.oxyde.cli.shop2", "-cp", CliRunner.TEST_CLASSES, "--dir", "m",
                "--rename", "customer.email=mail", "--name", "mail"));
        assertThat(cli.run("showmigrations", "--dir", "m", "--url", url).out()).contains("[X] 0001_initial", "[ ] 0002_mail");
        assertThat(cli.run("migrate", "--dir", "m", "--url", url).out()).contains("Applied 0002_mail");
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.mail, p.amount FROM customer c JOIN purchase p ON p.customer_id = c.id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ann@example.com");
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("12.50");
        }
        Result zero = cli.run("migrate", "zero", "--dir", "m", "--url", url);
        assertOk(zero);
        assertThat(zero.out()).contains("Rolled back 0002_mail", "Rolled back 0001_initial");
        assertThat(cli.run("showmigrations", "--dir", "m", "--url", url).out()).contains("[ ] 0001_initial");
    }

    private static void assertOk(Result r) {
        assertThat(r.code()).as(r.toString()).isZero();
    }
}
