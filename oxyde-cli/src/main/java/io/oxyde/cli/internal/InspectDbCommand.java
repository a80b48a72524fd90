package io.oxyde.cli.internal;

import io.oxyde.migration.MigrationOptions;
import io.oxyde.migration.Migrations;
import io.oxyde.cli.CliContext;
import io.oxyde.exception.MigrationException;
import io.oxyde.migrate.MigrationLoader;
import io.oxyde.migrate.MigrationOperation;
import io.oxyde.migrate.Schema;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oxyde inspectdb}: writes the first migration from an existing database's schema. */
@Command(name = "inspectdb", mixinStandardHelpOptions = true,
        description = "Write the initial migration from the schema of an existing database (then: migrate --fake).")
public final class InspectDbCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectOptions project;

    @Option(names = "--name", paramLabel = "NAME", description = "Migration name (default: initial).")
    private String name = "initial";

    public InspectDbCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Project p = project.resolve(context);
        int existing = MigrationLoader.load(p.dir()).size();
        if (existing > 0) {
            throw new MigrationException("inspectdb writes the first migration, but " + p.dir() + " already has "
                    + existing + "; use makemigrations");
        }
        Schema schema = Migrations.inspect(p.requireUrl());
        if (schema.tables().isEmpty()) {
            throw new MigrationException("the database has no tables to inspect");
        }
        var draft = Migrations.makeMigrations(schema, p.dir(), MigrationOptions.of(name, false).withAcceptDrops(true))
                .orElseThrow();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Migrations for " + p.dir() + " (from the database):");
        out.println("  " + draft.file().getFileName());
        for (MigrationOperation op : draft.migration().operations()) {
            out.println("    - " + OperationText.of(op));
        }
        out.println("Record it as applied on this database with: oxyde migrate --fake");
        out.flush();
        return 0;
    }
}
