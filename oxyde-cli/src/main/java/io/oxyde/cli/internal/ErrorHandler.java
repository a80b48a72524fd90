package io.oxyde.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command's error as one readable message (no stack trace: the messages of Oxyde's
 * exceptions already name what was wrong and where) and returns exit code 1.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        if (!(e instanceof RuntimeException) || e.getClass().getName().startsWith("java.")) {
            message = e.getClass().getSimpleName() + ": " + message;
        }
        cmd.getErr().println(cmd.getColorScheme().errorText("error: " + message));
        cmd.getErr().flush();
        return 1;
    }
}
