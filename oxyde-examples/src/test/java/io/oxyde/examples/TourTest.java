package io.oxyde.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tour runs to the end, with every check passing, on SQLite, PostgreSQL and MariaDB, and it can
 * run twice on the same database (it drops what the previous run left).
 */
class TourTest {

    @AllDatabases
    void theWholeTourPassesOnEveryDatabase(TestDatabase db) throws Exception {
        Path work = Files.createTempDirectory("oxyde-tour");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Tour.Result result = Tour.run(db.oxydeUrl(), work, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(result.rows()).isEqualTo(15_607);
        assertThat(result.checks()).isGreaterThanOrEqualTo(70);
        assertThat(Files.list(work.resolve("migrations")).map(p -> p.getFileName().toString()))
                .containsExactly("0001_chinook.json");
        assertThat(report)
                .contains("playlist_track  [##############################]  8715 / 8715")
                .contains("  Iron Maiden  |     21")
                .contains("  USA     |  523.06")
                .contains("14. The SQL of one query on every dialect");
    }

    @Test
    void runsTwiceOnTheSameSqliteFile(@TempDir Path work) {
        String url = "sqlite:" + work.resolve("same.db").toAbsolutePath();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        Tour.run(url, work, quiet);
        Tour.Result again = Tour.run(url, work, quiet);

        assertThat(again.rows()).isEqualTo(15_607);
        assertThat(again.checks()).isGreaterThanOrEqualTo(70);
    }

    @Test
    void exitsWithOneAndSaysWhyWhenTheDatabaseCannotBeReached(@TempDir Path work) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Tour.execute(new String[] {"--url", "postgresql://nobody@127.0.0.1:1/none", "--dir", work.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("TOUR FAILED: ").contains("127.0.0.1:1");
    }

    @Test
    void exitsWithTwoOnAnUnknownArgumentAndPrintsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Tour.execute(new String[] {"--ulr", "x"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown or incomplete argument \"--ulr\"").contains("usage: tour");
    }

    @Test
    void withoutAUrlItCreatesAFreshSqliteFileInTheWorkDirectory(@TempDir Path work) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        Tour.Result result = Tour.run(null, work, quiet);

        assertThat(result.url()).isEqualTo("sqlite:" + work.resolve("chinook.db").toAbsolutePath());
        assertThat(work.resolve("chinook.db")).isNotEmptyFile();
    }
}
