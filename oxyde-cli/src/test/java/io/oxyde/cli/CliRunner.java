package io.oxyde.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the CLI in-process with captured output. */
final class CliRunner {
    /** The compiled test models, for -cp. */
    static final String TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath().toString();

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private final Path workDir;

    CliRunner(Path workDir) {
        this.workDir = workDir;
    }

    Result run(String... args) {
        return run(false, "", args);
    }

    Result interactive(String answers, String... args) {
        return run(true, answers, args);
    }

    private Result run(boolean interactive, String input, String... args) {
        CommandLine cmd = OxydeCli.newCommandLine(new CliContext(workDir,
                new BufferedReader(new StringReader(input)), interactive));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
