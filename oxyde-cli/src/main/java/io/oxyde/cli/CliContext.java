package io.oxyde.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * What the commands need from the process around them, passed in so tests can run the CLI
 * in-process: the directory relative paths and {@code oxyde.properties} are resolved against, the
 * input rename questions are answered from, and whether a person is there to answer them.
 *
 * @param workingDirectory base of relative paths and of the default config file
 * @param in               where interactive answers are read
 * @param interactive      whether to ask questions (true only when stdin and stdout are a terminal)
 */
public record CliContext(Path workingDirectory, BufferedReader in, boolean interactive) {

    /** The real process: current directory, stdin, interactive when a console is attached. */
    public static CliContext system() {
        return new CliContext(Path.of("").toAbsolutePath(),
                new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())), System.console() != null);
    }

    /** {@code path} resolved against the working directory. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
