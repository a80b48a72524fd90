package io.oxyde.cli.internal;

import io.oxyde.migration.Migrations;
import io.oxyde.cli.CliContext;
import io.oxyde.migrate.Migration;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oxyde squashmigrations THROUGH}: replaces the migrations up to THROUGH by one. */
@Command(name = "squashmigrations", mixinStandardHelpOptions = true,
        description = "Replace the migrations up to and including THROUGH by one squashed migration (no database needed).")
public final class SquashMigrationsCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectOptions project;

    @Parameters(index = "0", paramLabel = "THROUGH", description = "The last migration to squash, e.g. 0004_add_email.")
    private String through;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the squashed migration (default: through_THROUGH).")
    private String name;

    public SquashMigrationsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Project p = project.resolve(context);
        Migration squashed = Migrations.squash(p.dir(), through, name);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Squashed " + squashed.replaces().size() + " migrations into " + squashed.name() + ".json:");
        squashed.replaces().forEach(r -> out.println("  - " + r + " (file deleted)"));
        out.println("Databases that applied all of them carry on; commit the change once every database has applied "
                + through + ".");
        out.flush();
        return 0;
    }
}
