package io.oxyde.bench.ratio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.bench.setup.BenchTarget;
import io.oxyde.bench.setup.Database;
import io.oxyde.bench.variant.Variants;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny ratio run (SQLite, two operations, two rounds of 20 ms blocks) in the build: the mode
 * works end to end and its report has the expected shape, with finite, positive ratios. No
 * timing is asserted: on a shared machine any figure can be anything.
 */
class RatioRunTest {

    private static final List<String> OPS = List.of("selectById", "insertOne");

    @Test
    void aTinyRunReportsFinitePositiveRatiosForEveryOperationAndVariant(@TempDir Path dir) {
        String file = dir.resolve("ratio.db").toString();
        BenchTarget target = BenchTarget.of(Database.SQLITE, "jdbc:sqlite:" + file, null, null, "sqlite:" + file);
        RatioOptions options = RatioOptions.parse("--db", "sqlite", "--ops", String.join(",", OPS),
                "--rounds", "2", "--warmup", "1", "--block-ms", "20");
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        RatioResult result = RatioRun.run(target, options, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(result.samples()).containsOnlyKeys(OPS);
        for (String op : OPS) {
            assertThat(result.samples().get(op)).containsOnlyKeys(Variants.ALL);
            for (String v : Variants.ALL) {
                assertThat(result.samples().get(op).get(v)).hasSize(2)
                        .allSatisfy(s -> assertThat(s.ops()).isPositive());
                for (Metric m : Metric.values()) {
                    for (String reference : RatioTables.REFERENCES) {
                        Quartiles q = result.ratio(op, v, reference, m);
                        assertThat(List.of(q.q1(), q.median(), q.q3())).allSatisfy(x -> assertThat(x).isFinite().isPositive());
                        assertThat(q.q1()).isLessThanOrEqualTo(q.median());
                        assertThat(q.median()).isLessThanOrEqualTo(q.q3());
                    }
                    assertThat(result.micros(op, v, m).median()).isFinite().isPositive();
                }
            }
        }
        String md = RatioTables.markdown(result);
        String header = "| operation | " + String.join(" | ", Variants.ALL) + " |";
        assertThat(md).startsWith("## sqlite: ratio mode").contains("load average");
        assertThat(md.lines().filter(header::equals)).hasSize(5);
        assertThat(md).contains("### Wall time / raw_async", "### Process CPU time / raw_async", "### Wall time / raw",
                "### Process CPU time / raw", "### Median µs/op, wall / process CPU");
        assertThat(md.lines().filter(l -> l.startsWith("| selectById | ") || l.startsWith("| insertOne | ")))
                .hasSize(10)
                .allSatisfy(l -> assertThat(l.split("\\|", -1)).hasSize(Variants.ALL.size() + 3));
        assertThat(md.lines().filter(l -> l.startsWith("| selectById | ")).findFirst().orElseThrow())
                .matches("\\| selectById \\|( \\d+\\.\\d\\d \\(\\d+\\.\\d\\d–\\d+\\.\\d\\d\\) \\|){6}");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("load average");
    }

    @Test
    void optionsRejectUnknownNames() {
        assertThatThrownBy(() -> RatioOptions.parse("--db", "sqlite", "--ops", "nope"))
                .hasMessageContaining("unknown operation 'nope'");
        assertThatThrownBy(() -> RatioOptions.parse("--db", "sqlite", "--variants", "x"))
                .hasMessageContaining("unknown variant 'x'");
        assertThatThrownBy(() -> RatioOptions.parse("--rounds", "2"))
                .hasMessageContaining("usage");
    }
}
