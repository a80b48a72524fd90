package io.oxyde.cli.internal;

import io.oxyde.migration.Migrations;
import io.oxyde.cli.CliContext;
import io.oxyde.migrate.MigrationRun;
import io.oxyde.migrate.PlannedMigration;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oxyde migrate [TARGET|zero] [--fake|--plan]}: applies (or rolls back to a target) the migration files, or prints the plan. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending migrations, or move forward or back to TARGET (a migration name, or zero).")
public final class MigrateCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectOptions project;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "Migration to end at (it stays applied), or zero to roll everything back. Default: the latest.")
    private String target;

    @Option(names = "--fake", description = "Only record (or unrecord) the migrations in oxyde_migrations; run no DDL.")
    private boolean fake;

    @Option(names = "--plan", description = "Print the SQL of the whole run (every migration it would apply or roll back); change nothing.")
    private boolean plan;

    public MigrateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Project p = project.resolve(context);
        if (plan) {
            return printPlan(Migrations.plan(p.requireUrl(), p.dir(), target));
        }
        MigrationRun run = Migrations.migrate(p.requireUrl(), p.dir(), target, fake);
        PrintWriter out = spec.commandLine().getOut();
        String suffix = run.fake() ? " (fake)" : "";
        for (String name : run.applied()) {
            out.println("Applied " + name + suffix);
        }
        for (String name : run.rolledBack()) {
            out.println("Rolled back " + name + suffix);
        }
        if (run.applied().isEmpty() && run.rolledBack().isEmpty()) {
            out.println("No migrations to apply.");
        }
        out.flush();
        return 0;
    }

    private int printPlan(List<PlannedMigration> steps) {
        PrintWriter out = spec.commandLine().getOut();
        if (steps.isEmpty()) {
            out.println("No migrations to apply.");
        }
        for (PlannedMigration step : steps) {
            out.println("-- " + (step.forward() ? "apply " : "roll back ") + step.name());
            step.statements().forEach(sql -> out.println(sql + ";"));
        }
        out.flush();
        return 0;
    }
}
