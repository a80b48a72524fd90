package io.oxyde.bench.ratio;

import io.oxyde.bench.setup.BenchTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ratio mode from the command line ({@link RatioOptions} lists the options), on the bench's own
 * database on this machine ({@link BenchTarget#local}): progress and load go to standard error,
 * the Markdown tables to standard output and to {@code --out} if given. Run as
 * {@code java -cp oxyde-bench/target/benchmarks.jar io.oxyde.bench.ratio.RatioMain --db sqlite}
 * or {@code java -jar oxyde-bench/target/benchmarks.jar --ratio --db sqlite}.
 */
public final class RatioMain {

    private RatioMain() {
    }

    public static void main(String[] args) throws IOException {
        RatioOptions options = RatioOptions.parse(args);
        RatioResult result = RatioRun.run(BenchTarget.local(options.db()), options, System.err);
        String markdown = RatioTables.markdown(result);
        Path out = options.out();
        if (out != null) {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
        }
        System.out.print(markdown);
    }
}
