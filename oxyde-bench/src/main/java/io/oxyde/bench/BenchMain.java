package io.oxyde.bench;

import io.oxyde.bench.ratio.RatioMain;
import io.oxyde.bench.report.PerformanceReport;
import io.oxyde.bench.setup.BenchTarget;
import io.oxyde.bench.variant.Variants;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code benchmarks.jar}.
 * <ul>
 *   <li>{@code --quick [sqlite,postgres,mariadb]}: every database operation once per variant, results compared
 *       ({@link QuickCheck}); seconds, no timing.</li>
 *   <li>{@code --ratio --db sqlite [options]}: every variant of one database in this JVM, interleaved, reported as
 *       per-round ratios ({@link RatioMain}).</li>
 *   <li>{@code --report docs/performance.md run-info.txt results.json...}: regenerate the tables from JMH JSON results
 *       ({@link PerformanceReport}).</li>
 *   <li>anything else goes to JMH, e.g. {@code DbBench -p db=postgres -rf json -rff out.json}.</li>
 * </ul>
 * {@code oxyde-bench/run.sh} strings these together; {@code oxyde-bench/ratio.sh} runs the ratio mode.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--quick")) {
            List<String> dbs = args.length > 1 ? Arrays.asList(args[1].split(",")) : List.of("sqlite", "postgres", "mariadb");
            int problems = 0;
            for (String db : dbs) {
                List<String> found = QuickCheck.run(BenchTarget.local(db), Variants.ALL);
                found.forEach(System.out::println);
                System.out.println(db + ": " + Operations.ALL.size() + " operations x " + Variants.ALL.size()
                        + " variants, " + (found.isEmpty() ? "all results agree" : found.size() + " differences"));
                problems += found.size();
            }
            System.exit(problems == 0 ? 0 : 1);
        } else if (args.length > 0 && args[0].equals("--ratio")) {
            RatioMain.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("--report")) {
            if (args.length < 4) {
                throw new IllegalArgumentException(
                        "usage: --report <docs/performance.md> <run-info.txt or -> <jmh-results.json>...");
            }
            List<Path> results = new java.util.ArrayList<>();
            for (int k = 3; k < args.length; k++) {
                results.add(Path.of(args[k]));
            }
            PerformanceReport.update(results, Path.of(args[1]), args[2].equals("-") ? null : Path.of(args[2]));
        } else {
            org.openjdk.jmh.Main.main(args);
        }
    }
}
