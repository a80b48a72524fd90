package io.oxyde.cli.internal;

import io.oxyde.migration.Migrations;
import io.oxyde.cli.CliContext;
import io.oxyde.migrate.RepairReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oxyde repair [--forget]}: undoes what a half-applied MySQL / MariaDB migration left, realigns old checksums. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Undo what a migration that failed half-way on MySQL/MariaDB left applied, and realign old checksums.")
public final class RepairCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectOptions project;

    @Option(names = "--forget", description = "Only forget the recorded failure (you already fixed the database by hand).")
    private boolean forget;

    public RepairCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Project p = project.resolve(context);
        RepairReport report = Migrations.repair(p.requireUrl(), p.dir(), forget);
        PrintWriter out = spec.commandLine().getOut();
        if (report.nothingToDo()) {
            out.println("Nothing to repair.");
        }
        if (report.failedMigration() != null) {
            out.println((forget ? "Forgot the failed run of " : "Undid the failed run of ") + report.failedMigration()
                    + (report.undone().isEmpty() ? "" : ":"));
            report.undone().forEach(sql -> out.println("  " + sql + ";"));
        }
        report.realigned().forEach(name -> out.println("Realigned the checksum of " + name));
        out.flush();
        return 0;
    }
}
