package io.oxyde.maven.internal;

import io.oxyde.cli.CliContext;
import io.oxyde.cli.OxydeCli;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * Runs one {@code oxyde} CLI command in-process, never interactively (a build has nobody to
 * answer rename questions), with its output handed line by line to the build log.
 *
 * @param code the exit code: 0 success, 1 error, 2 usage error
 * @param err what the command wrote to its error stream
 */
public record CliInvocation(int code, String err) {

    public static CliInvocation run(Path workingDirectory, List<String> args, Consumer<String> info,
                                    Consumer<String> error) {
        CommandLine cmd = OxydeCli.newCommandLine(new CliContext(workingDirectory,
                new BufferedReader(new StringReader("")), false));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        int code = cmd.execute(args.toArray(new String[0]));
        out.toString().lines().forEach(info);
        err.toString().lines().forEach(error);
        return new CliInvocation(code, err.toString().strip());
    }
}
