package io.oxyde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.cli.CliRunner.Result;
import io.oxyde.migrate.ColumnDefinition;
import io.oxyde.migrate.ColumnType;
import io.oxyde.migrate.Migration;
import io.oxyde.migrate.MigrationLoader;
import io.oxyde.migrate.MigrationOperation;
import io.oxyde.migrate.MigrationWriter;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

/** makemigrations --check / --empty / --dry-run with an open rename, migrate --plan, repair, squashmigrations and inspectdb, on every database. */
class AllDatabasesCommandsTest {

    private static String[] make(String pkg, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("makemigrations", "--models", pkg, "-cp", CliRunner.TEST_CLASSES,
                "--dir", "m"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static boolean hasColumn(TestDatabase db, String table, String column) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                if (rs.getMetaData().getColumnName(i).equalsIgnoreCase(column)) {
                    return true;
                }
            }
            return false;
        }
    }

    @AllDatabases
    void checkEmptyPlanAndRepair(TestDatabase db) throws Exception {
        Path work = Files.createTempDirectory("oxyde-cli-cmds");
        CliRunner cli = new CliRunner(work);
        String url = db.oxydeUrl();
        Result noMigrations = cli.run(make("io.oxyde.cli.shop", "--check"));
        assertThat(noMigrations.code()).as(noMigrations.toString()).isEqualTo(1);
        assertThat(noMigrations.out()).contains("Changes detected", "Create table customer");
        assertThat(Files.exists(work.resolve("m"))).as("--check writes nothing").isFalse();
        assertOk(cli.run(make("io.oxyde.cli.shop")));

        Result plan = cli.run("migrate", "--plan", "--dir", "m", "--url", url);
        assertOk(plan);
        assertThat(plan.out()).contains("-- apply 0001_initial", "CREATE TABLE", "purchase");
        assertThat(cli.run("showmigrations", "--dir", "m", "--url", url).out()).as("--plan changes nothing").contains("[ ] 0001_initial");
        assertOk(cli.run("migrate", "--dir", "m", "--url", url));
        assertThat(cli.run("migrate", "--plan", "--dir", "m", "--url", url).out()).contains("No migrations to apply.");
        Result back = cli.run("migrate", "zero", "--plan", "--dir", "m", "--url", url);
        assertThat(back.out()).contains("-- roll back 0001_initial", "DROP TABLE");

        Result same = cli.run(make("io.oxyde.cli.shop", "--check"));
        assertOk(same);
        assertThat(same.out()).contains("No changes detected");
        Result renamed = cli.run(make("io.oxyde.cli.shop2", "--check"));
        assertThat(renamed.code()).isEqualTo(1);
        assertThat(renamed.out()).contains("possible renames not answered", "customer.email -> mail");
        Result dry = cli.run(make("io.oxyde.cli.shop2", "--dry-run"));
        assertOk(dry);
        assertThat(dry.out()).contains("Possible renames not answered", "--rename customer.email=mail", "dry run",
                "Drop column customer.email", "Add column customer.mail");

        Result empty = cli.run(make("io.oxyde.cli.shop", "--empty", "--name", "backfill"));
        assertOk(empty);
        assertThat(empty.out()).contains("0002_backfill.json (empty");
        assertThat(cli.run("makemigrations", "--empty", "--dir", "m").err()).contains("--empty needs --name");

        // a hand-written migration that fails after its first operation
        Path dir = work.resolve("m");
        Migration last = MigrationLoader.load(dir).get(1);
        MigrationWriter.write(dir, Migration.of("0003_broken", List.of(last.name()), List.of(
                new MigrationOperation.AddColumn("customer", ColumnDefinition.nullable("nickname", ColumnType.varchar(40))),
                MigrationOperation.RawSql.of("UPDATE no_such_table SET x = 1", null)), last.snapshot()));
        Result failed = cli.run("migrate", "--dir", "m", "--url", url);
        assertThat(failed.code()).as(failed.toString()).isEqualTo(1);
        boolean mariaDb = db.kind() == DatabaseKind.MARIADB;
        assertThat(hasColumn(db, "customer", "nickname")).isEqualTo(mariaDb);
        if (mariaDb) {
            Result blocked = cli.run("migrate", "--dir", "m", "--url", url);
            assertThat(blocked.code()).isEqualTo(1);
            assertThat(blocked.err()).contains("0003_broken failed while being applied", "run repair");
        }
        Result repaired = cli.run("repair", "--dir", "m", "--url", url);
        assertOk(repaired);
        assertThat(repaired.out()).contains(mariaDb ? "Undid the failed run of 0003_broken:" : "Nothing to repair.");
        if (mariaDb) {
            assertThat(repaired.out()).contains("ALTER TABLE `customer` DROP COLUMN `nickname`;");
        }
        assertThat(hasColumn(db, "customer", "nickname")).isFalse();
        Files.delete(dir.resolve("0003_broken.json"));

        Result squashed = cli.run("squashmigrations", "0002_backfill", "--name", "shop", "--dir", "m");
        assertOk(squashed);
        assertThat(squashed.out()).contains("Squashed 2 migrations into 0002_squashed_shop.json", "0001_initial (file deleted)");
        assertThat(cli.run("showmigrations", "--dir", "m", "--url", url).out()).contains("[X] 0002_squashed_shop");
        Result zero = cli.run("migrate", "zero", "--dir", "m", "--url", url);
        assertOk(zero);
        assertThat(zero.out()).contains("Rolled back 0002_squashed_shop");
        assertOk(cli.run("migrate", "--dir", "m", "--url", url));
        assertOk(cli.run("migrate", "zero", "--dir", "m", "--url", url));
    }

    private static void assertOk(Result r) {
        assertThat(r.code()).as(r.toString()).isZero();
    }

    @AllDatabases
    void inspectdbWritesTheInitialMigrationOfAnExistingDatabase(TestDatabase db) throws Exception {
        Path work = Files.createTempDirectory("oxyde-cli-inspect");
        CliRunner cli = new CliRunner(work);
        String url = db.oxydeUrl();
        try (Connection c = db.connect(); var s = c.createStatement()) {
            s.execute("CREATE TABLE shelf (id INTEGER PRIMARY KEY, label VARCHAR(40) NOT NULL)");
            s.execute("INSERT INTO shelf (id, label) VALUES (1, 'fiction')");
        }
        Result inspected = cli.run("inspectdb", "--dir", "m", "--url", url);
        assertOk(inspected);
        assertThat(inspected.out()).contains("0001_initial.json", "Create table shelf", "migrate --fake");
        assertOk(cli.run("migrate", "--fake", "--dir", "m", "--url", url));
        assertThat(cli.run("showmigrations", "--dir", "m", "--url", url).out()).contains("[X] 0001_initial");
        Result again = cli.run("inspectdb", "--dir", "m", "--url", url);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already has 1", "use makemigrations");
        Result zero = cli.run("migrate", "zero", "--dir", "m", "--url", url);
        assertOk(zero);
        assertThat(zero.out()).contains("Rolled back 0001_initial");
    }

    private static List<String> rows(TestDatabase db, String sql) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
        }
        return out;
    }

    @AllDatabases
    void modelTableRenameWithSelfReferenceRunsAndRollsBack(TestDatabase db) throws Exception {
        Path work = Files.createTempDirectory("oxyde-cli-rename");
        CliRunner cli = new CliRunner(work);
        String url = db.oxydeUrl();
        assertOk(cli.run(make("io.oxyde.cli.lib1")));
        assertOk(cli.run("migrate", "--dir", "m", "--url", url));
        try (Connection c = db.connect(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO category (id, name, parent_id) VALUES (1, 'fiction', NULL), (2, 'sf', 1)");
            s.executeUpdate("INSERT INTO book (title, category_id) VALUES ('Solaris', 2), ('Emma', 1)");
        }
        List<String> books = List.of("1|Solaris|2", "2|Emma|1");
        List<String> categories = List.of("1|fiction|null", "2|sf|1");
        Result made = cli.run(make("io.oxyde.cli.lib2", "--name", "section"));
        assertOk(made);
        assertThat(made.out()).contains("Rename table category to section").doesNotContain("Drop table");
        assertOk(cli.run("sqlmigrate", "0002_section", "--dir", "m", "--url", url));
        assertOk(cli.run("sqlmigrate", "0002_section", "--backwards", "--dir", "m", "--url", url));
        for (int round = 0; round < 2; round++) {
            assertThat(cli.run("migrate", "--dir", "m", "--url", url).out()).contains("Applied 0002_section");
            assertThat(rows(db, "SELECT id, name, parent_id FROM section ORDER BY id")).isEqualTo(categories);
            assertThat(rows(db, "SELECT id, title, category_id FROM book ORDER BY id")).isEqualTo(books);
            assertThat(cli.run("migrate", "0001_initial", "--dir", "m", "--url", url).out()).contains("Rolled back 0002_section");
            assertThat(rows(db, "SELECT id, name, parent_id FROM category ORDER BY id")).isEqualTo(categories);
            assertThat(rows(db, "SELECT id, title, category_id FROM book ORDER BY id")).isEqualTo(books);
        }
        assertOk(cli.run("migrate", "zero", "--dir", "m", "--url", url));
    }
}
