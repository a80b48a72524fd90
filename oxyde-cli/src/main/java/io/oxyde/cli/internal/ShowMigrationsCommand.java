package io.oxyde.cli.internal;

import io.oxyde.migration.Migrations;
import io.oxyde.cli.CliContext;
import io.oxyde.migrate.MigrationStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code oxyde showmigrations}: every migration file, marked {@code [X]} when applied to the database. */
@Command(name = "showmigrations", mixinStandardHelpOptions = true,
        description = "List the migrations, [X] applied, [ ] pending.")
public final class ShowMigrationsCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectOptions project;

    public ShowMigrationsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Project p = project.resolve(context);
        List<MigrationStatus> status = Migrations.status(p.requireUrl(), p.dir());
        PrintWriter out = spec.commandLine().getOut();
        if (status.isEmpty()) {
            out.println("(no migrations in " + p.dir() + ")");
        }
        for (MigrationStatus s : status) {
            out.println((s.applied() ? "[X] " : "[ ] ") + s.name() + (s.appliedAt() == null ? "" : "  (" + s.appliedAt() + ")"));
        }
        out.flush();
        return 0;
    }
}
