package io.oxyde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command run in-process on SQLite: output, files written, database state and exit codes. */
class OxydeCliTest {
    @TempDir
    Path work;

    private CliRunner cli() {
        return new CliRunner(work);
    }

    private String url() {
        return "sqlite://" + work.resolve("app.db").toAbsolutePath();
    }

    private String[] v1(String command, String... more) {
        return args(command, "io.oxyde.cli.shop", more);
    }

    private String[] v2(String command, String... more) {
        return args(command, "io.oxyde.cli.shop2", more);
    }

    private static String[] args(String command, String pkg, String... more) {
        List<String> list = new ArrayList<>(List.of(command, "--models", pkg, "-cp", CliRunner.TEST_CLASSES, "--dir", "mig"));
        list.addAll(List.of(more));
        return list.toArray(String[]::new);
    }

    @Test
    void helpAndVersion() {
        Result help = cli().run("--help");
        assertThat(help.code()).as(help.toString()).isZero();
        assertThat(help.out()).contains("makemigrations", "migrate", "showmigrations", "sqlmigrate", "repair", "Exit codes");
        assertThat(cli().run("repair", "--help").out()).contains("--forget");
        assertThat(cli().run("makemigrations", "--help").out()).contains("--check", "--empty");
        Result sub = cli().run("makemigrations", "--help");
        assertThat(sub.code()).isZero();
        assertThat(sub.out()).contains("--dry-run", "--name", "--rename", "--accept-drops", "--models", "--url", "--dir",
                "src/main/resources/db/oxyde");
        assertThat(cli().run("migrate", "--help").out()).contains("TARGET", "--fake", "zero", "--plan");
        assertThat(cli().run("sqlmigrate", "--help").out()).contains("--dialect", "--backwards");
        assertThat(cli().run("showmigrations", "--help").out()).contains("[X]");
        Result version = cli().run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).contains("oxyde");
        assertThat(help.out()).as("no colour without a terminal").doesNotContain("\u001B[");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertUsage(cli().run(), "missing command");
        assertUsage(cli().run("frobnicate"), "frobnicate");
        assertUsage(cli().run("migrate", "--bogus"), "--bogus");
        assertUsage(cli().run("makemigrations", "--dir", "mig"), "no models");
        assertUsage(cli().run("migrate", "--dir", "mig"), "no database URL");
        assertUsage(cli().run("showmigrations"), "no database URL");
        assertUsage(cli().run("sqlmigrate"), "NAME");
        assertUsage(cli().run("sqlmigrate", "0001_initial", "--dialect", "oracle"), "unknown --dialect oracle");
        assertUsage(cli().run("sqlmigrate", "0001_initial"), "--dialect");
        assertUsage(cli().run(v1("makemigrations", "--rename", "nonsense")), "--rename nonsense");
        assertUsage(cli().run("migrate", "--config", "missing.properties"), "missing.properties");
        assertUsage(cli().run("migrate", "a", "b", "--url", url()), "b");
    }

    private static void assertUsage(Result r, String message) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).contains(message);
    }

    @Test
    void errorsExitWithOne() {
        Result noClass = cli().run("makemigrations", "--model", "io.oxyde.cli.shop.Nope", "--dir", "mig");
        assertThat(noClass.code()).as(noClass.toString()).isEqualTo(1);
        assertThat(noClass.err()).contains("error: model class io.oxyde.cli.shop.Nope not found");
        Result emptyPackage = cli().run("makemigrations", "--models", "io.oxyde.nothing.here", "-cp", CliRunner.TEST_CLASSES);
        assertThat(emptyPackage.code()).isEqualTo(1);
        assertThat(emptyPackage.err()).contains("no model classes found in package io.oxyde.nothing.here");
        Result badCp = cli().run("makemigrations", "--models", "x", "-cp", "no/such/dir");
        assertThat(badCp.code()).isEqualTo(1);
        assertThat(badCp.err()).contains("classpath entry").contains("no/such/dir");
        assertThat(cli().run(v1("makemigrations")).code()).isZero();
        Result unknown = cli().run("sqlmigrate", "0009_nope", "--dialect", "sqlite", "--dir", "mig");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no migration named 0009_nope", "0001_initial");
        Result noServer = cli().run("migrate", "--dir", "mig", "--url", "postgresql://nobody@127.0.0.1:1/none");
        assertThat(noServer.code()).as(noServer.toString()).isEqualTo(1);
        assertThat(noServer.err()).contains("error: cannot connect");
        Result badUrl = cli().run("migrate", "--dir", "mig", "--url", "oracle://x");
        assertThat(badUrl.code()).as(badUrl.toString()).isEqualTo(1);
        assertThat(badUrl.err()).contains("oracle");
    }

    @Test
    void wholeWorkflowOnSqlite() throws Exception {
        Result made = cli().run(v1("makemigrations"));
        assertThat(made.code()).as(made.toString()).isZero();
        assertThat(made.out()).contains("0001_initial.json", "Create table customer", "Create table purchase");
        assertThat(made.out()).doesNotContain("shop_names");
        assertThat(work.resolve("mig/0001_initial.json")).exists();
        Result again = cli().run(v1("makemigrations"));
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("No changes detected");

        Result migrated = cli().run("migrate", "--dir", "mig", "--url", url());
        assertThat(migrated.code()).as(migrated.toString()).isZero();
        assertThat(migrated.out()).contains("Applied 0001_initial");
        assertThat(cli().run("migrate", "--dir", "mig", "--url", url()).out()).contains("No migrations to apply.");
        update("INSERT INTO customer (id, email, name) VALUES (1, 'ann@example.com', 'Ann')");
        update("INSERT INTO purchase (customer_id, amount) VALUES (1, 12.50)");

        Result shown = cli().run("showmigrations", "--dir", "mig", "--url", url());
        assertThat(shown.code()).isZero();
        assertThat(shown.out()).startsWith("[X] 0001_initial");
        Result sql = cli().run("sqlmigrate", "0001_initial", "--dialect", "postgresql", "--dir", "mig");
        assertThat(sql.code()).as(sql.toString()).isZero();
        assertThat(sql.out()).contains("CREATE TABLE \"customer\"", "CREATE TABLE \"purchase\"", ";");
        assertThat(cli().run("sqlmigrate", "0001_initial", "--dialect", "mariadb", "--dir", "mig").out())
                .contains("CREATE TABLE `customer`");
        assertThat(cli().run("sqlmigrate", "0001_initial", "--dir", "mig", "--url", url()).out())
                .as("dialect taken from the URL").contains("CREATE TABLE \"customer\"");
        assertThat(cli().run("sqlmigrate", "0001_initial", "--backwards", "--dialect", "sqlite", "--dir", "mig").out())
                .contains("DROP TABLE \"purchase\"").startsWith("PRAGMA foreign_keys = OFF;\nBEGIN;\n")
                .contains("PRAGMA foreign_key_check;", "COMMIT;\nPRAGMA foreign_keys = ON;");

        // email -> mail without a hint: refused without a terminal, nothing written
        Result refused = cli().run(v2("makemigrations", "--name", "mail"));
        assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("customer.email -> mail", "--rename customer.email=mail", "--accept-drops");
        assertThat(files()).containsExactly("0001_initial.json");
        Result dry = cli().run(v2("makemigrations", "--name", "mail", "--rename", "customer.email=mail", "--dry-run"));
        assertThat(dry.code()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("dry run", "0002_mail.json", "Rename column customer.email to mail");
        assertThat(files()).containsExactly("0001_initial.json");
        Result renamed = cli().run(v2("makemigrations", "--name", "mail", "--rename", "customer.email=mail"));
        assertThat(renamed.code()).as(renamed.toString()).isZero();
        assertThat(files()).containsExactly("0001_initial.json", "0002_mail.json");
        assertThat(cli().run("showmigrations", "--dir", "mig", "--url", url()).out())
                .contains("[X] 0001_initial", "[ ] 0002_mail");
        assertThat(cli().run("migrate", "--dir", "mig", "--url", url()).out()).contains("Applied 0002_mail");
        assertThat(query("SELECT mail, name FROM customer")).containsExactly("ann@example.com|Ann");

        Result back = cli().run("migrate", "0001_initial", "--dir", "mig", "--url", url());
        assertThat(back.out()).contains("Rolled back 0002_mail");
        assertThat(query("SELECT email FROM customer")).containsExactly("ann@example.com");
        Result zero = cli().run("migrate", "zero", "--dir", "mig", "--url", url());
        assertThat(zero.code()).isZero();
        assertThat(zero.out()).contains("Rolled back 0001_initial");
        assertThat(cli().run("showmigrations", "--dir", "mig", "--url", url()).out())
                .contains("[ ] 0001_initial", "[ ] 0002_mail");
    }

    @Test
    void tableRenameAnsweredOnTheCommandLine() throws Exception {
        assertThat(cli().run(v1("makemigrations")).code()).isZero();
        assertThat(cli().run("migrate", "--dir", "mig", "--url", url()).code()).isZero();
        update("INSERT INTO customer (id, email, name) VALUES (1, 'ann@example.com', 'Ann')");
        update("INSERT INTO purchase (customer_id, amount) VALUES (1, 12.50)");
        Result refused = cli().run(args("makemigrations", "io.oxyde.cli.shop3"));
        assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("table customer -> client", "--rename customer=client");
        Result renamed = cli().run(args("makemigrations", "io.oxyde.cli.shop3", "--rename", "customer=client"));
        assertThat(renamed.code()).as(renamed.toString()).isZero();
        assertThat(renamed.out()).contains("Rename table customer to client").doesNotContain("Drop table");
        assertThat(cli().run("migrate", "--dir", "mig", "--url", url()).out()).contains("Applied 0002_auto");
        assertThat(query("SELECT c.email, p.amount FROM client c JOIN purchase p ON p.customer_id = c.id"))
                .containsExactly("ann@example.com|12.5");
        assertThat(cli().run(args("makemigrations", "io.oxyde.cli.shop3")).out()).contains("No changes detected");
    }

    @Test
    void acceptDropsMakesDropAndAdd() {
        assertThat(cli().run(v1("makemigrations")).code()).isZero();
        Result r = cli().run(v2("makemigrations", "--accept-drops"));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("0002_auto.json", "Add column customer.mail", "Drop column customer.email");
    }

    @Test
    void interactiveRenameQuestion() {
        assertThat(cli().run(v1("makemigrations")).code()).isZero();
        Result yes = cli().interactive("y\n", v2("makemigrations", "--dry-run"));
        assertThat(yes.code()).as(yes.toString()).isZero();
        assertThat(yes.out()).contains("Was customer.email renamed to customer.mail? [y/N]",
                "Rename column customer.email to mail");
        Result no = cli().interactive("n\n", v2("makemigrations", "--dry-run"));
        assertThat(no.code()).as(no.toString()).isZero();
        assertThat(no.out()).contains("Drop column customer.email", "Add column customer.mail");
        Result eof = cli().interactive("", v2("makemigrations", "--dry-run"));
        assertThat(eof.code()).isEqualTo(1);
        assertThat(eof.err()).contains("no answer");
        Result answered = cli().interactive("", v2("makemigrations", "--dry-run", "--rename", "customer.email=mail"));
        assertThat(answered.code()).as("--rename answers the question").isZero();
        assertThat(answered.out()).doesNotContain("[y/N]").contains("Rename column customer.email to mail");
    }

    @Test
    void configFileSuppliesTheOptions() throws Exception {
        Files.writeString(work.resolve("oxyde.properties"), "url=" + url() + "\nmodels=io.oxyde.cli.shop\ndir=db/mig\n"
                + "classpath=" + CliRunner.TEST_CLASSES.replace("\\", "\\\\") + "\n");
        Result made = cli().run("makemigrations");
        assertThat(made.code()).as(made.toString()).isZero();
        assertThat(work.resolve("db/mig/0001_initial.json")).exists();
        Result fake = cli().run("migrate", "--fake");
        assertThat(fake.code()).as(fake.toString()).isZero();
        assertThat(fake.out()).contains("Applied 0001_initial (fake)");
        assertThat(cli().run("showmigrations").out()).contains("[X] 0001_initial");
        assertThat(query("SELECT name FROM sqlite_master WHERE name = 'customer'")).as("fake runs no DDL").isEmpty();
        Result other = cli().run("showmigrations", "--dir", "elsewhere");
        assertThat(other.code()).as("an option beats the file: " + other).isEqualTo(1);
        assertThat(other.err()).contains("0001_initial is recorded as applied", "elsewhere");
    }

    @Test
    void explicitModelClassesIncludingNested() {
        Result r = cli().run("makemigrations", "--model", "io.oxyde.cli.shop.Purchase", "--model",
                "io.oxyde.cli.OxydeCliTest.Gizmo", "--dir", "mig", "--dry-run");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Create table customer", "Create table purchase", "Create table gizmo");
        assertThat(files()).isEmpty();
    }

    @Test
    void scansAJarOnTheClasspath() throws Exception {
        Path jar = work.resolve("models.jar");
        Path classes = Path.of(CliRunner.TEST_CLASSES);
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             var files = Files.walk(classes.resolve("io/oxyde/cli/shop"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        Result r = cli().run("makemigrations", "--models", "io.oxyde.cli.shop", "-cp", jar.toString(), "--dir", "mig");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Create table customer", "Create table purchase");
    }

    @Test
    void aBrokenModelIsNamed() {
        Result r = cli().run("makemigrations", "--model", "io.oxyde.cli.OxydeCliTest$Broken", "--dir", "mig");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").contains("Broken").contains("thing");
        assertThat(files()).isEmpty();
    }

    /** Not mappable: Object is no column type. */
    record Broken(Long id, Object thing) {
    }

    /** A nested model, named on the command line as OxydeCliTest.Gizmo or OxydeCliTest$Gizmo. */
    record Gizmo(Long id, String label) {
    }

    private List<String> files() {
        Path dir = work.resolve("mig");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + work.resolve("app.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + work.resolve("app.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join("|", cells));
            }
        }
        return out;
    }
}
