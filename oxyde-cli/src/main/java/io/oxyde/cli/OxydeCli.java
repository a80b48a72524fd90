package io.oxyde.cli;

import io.oxyde.cli.internal.ErrorHandler;
import io.oxyde.cli.internal.InspectDbCommand;
import io.oxyde.cli.internal.MakeMigrationsCommand;
import io.oxyde.cli.internal.MigrateCommand;
import io.oxyde.cli.internal.RepairCommand;
import io.oxyde.cli.internal.ShowMigrationsCommand;
import io.oxyde.cli.internal.SqlMigrateCommand;
import io.oxyde.cli.internal.SquashMigrationsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code oxyde} command: Django-style migrations for Oxyde models from the shell. Exit codes:
 * 0 success, 1 error (database, migration, model or refused rename), 2 usage error. Colour is used
 * only on a terminal.
 */
@Command(name = "oxyde", mixinStandardHelpOptions = true, version = "oxyde 0.1.0-SNAPSHOT",
        description = "Oxyde migrations: generate them from your models and apply them to a database.",
        footer = {"", "Options may also come from oxyde.properties in the working directory (keys: url, dir,"
                + " models, model, classpath).", "Exit codes: 0 ok, 1 error, 2 usage error."})
public final class OxydeCli implements Runnable {
    /** Held so the level set in {@link #main} is not lost when the logger is collected. */
    private static final java.util.logging.Logger OXYDE_LOG = java.util.logging.Logger.getLogger("io.oxyde");

    @Spec
    private CommandSpec spec;

    private OxydeCli() {
    }

    /** Runs the CLI on the real process and exits with its code. */
    public static void main(String[] args) {
        // The commands print what they did; keep the migrator's per-migration INFO log out of the way
        // (warnings such as manual steps still show).
        OXYDE_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(newCommandLine(CliContext.system()).execute(args));
    }

    /** The command line with every subcommand, for running in-process ({@code execute(args)} returns the exit code). */
    public static CommandLine newCommandLine(CliContext context) {
        CommandLine cmd = new CommandLine(new OxydeCli());
        cmd.addSubcommand("makemigrations", new MakeMigrationsCommand(context));
        cmd.addSubcommand("migrate", new MigrateCommand(context));
        cmd.addSubcommand("showmigrations", new ShowMigrationsCommand(context));
        cmd.addSubcommand("sqlmigrate", new SqlMigrateCommand(context));
        cmd.addSubcommand("repair", new RepairCommand(context));
        cmd.addSubcommand("inspectdb", new InspectDbCommand(context));
        cmd.addSubcommand("squashmigrations", new SquashMigrationsCommand(context));
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        return cmd;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: one of makemigrations, migrate, showmigrations, sqlmigrate, repair, inspectdb, squashmigrations");
    }
}
