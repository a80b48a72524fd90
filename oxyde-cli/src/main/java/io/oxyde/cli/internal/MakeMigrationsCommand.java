package io.oxyde.cli.internal;

import io.oxyde.migration.MigrationDraft;
import io.oxyde.migration.MigrationOptions;
import io.oxyde.migration.MigrationRenameException;
import io.oxyde.migration.Migrations;
import io.oxyde.cli.CliContext;
import io.oxyde.migrate.Migration;
import io.oxyde.exception.MigrationException;
import io.oxyde.migrate.MigrationOperation;
import io.oxyde.migrate.RenameSuggestion;
import io.oxyde.migrate.Schema;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oxyde makemigrations}: diffs the models against the latest migration's snapshot and writes
 * the next migration file. Possible renames are asked about on a terminal; without one they must be
 * answered with {@code --rename} or {@code --accept-drops}, otherwise the command refuses (exit 1).
 */
@Command(name = "makemigrations", mixinStandardHelpOptions = true,
        description = "Write the next migration file from the differences between your models and the latest migration.")
public final class MakeMigrationsCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectOptions project;

    @Option(names = "--name", paramLabel = "NAME", description = "Migration name (default: initial, then auto).")
    private String name;

    @Option(names = "--dry-run", description = "Show what would be written, write nothing.")
    private boolean dryRun;

    @Option(names = "--rename", paramLabel = "TABLE.OLD=NEW", split = ",",
            description = "Confirm a rename: table.old_column=new_column, or old_table=new_table for a table.")
    private List<String> renames = new ArrayList<>();

    @Option(names = "--accept-drops",
            description = "Treat every possible rename not confirmed as a real drop + add (the dropped data is lost).")
    private boolean acceptDrops;

    @Option(names = "--check",
            description = "Write nothing; exit 1 when the models and the migrations disagree (for CI).")
    private boolean check;

    @Option(names = "--empty",
            description = "Write an empty migration named by --name, to fill by hand (RunJava, RawSql).")
    private boolean empty;

    public MakeMigrationsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Project p = project.resolve(context);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (empty) {
            return writeEmpty(p, out);
        }
        List<RenameSuggestion> confirmed = new ArrayList<>(RenameAnswers.parse(renames, spec.commandLine()));
        Schema schema = Migrations.schemaOf(p.models());
        if (check) {
            return check(p, schema, confirmed, out);
        }
        boolean accept = acceptDrops;
        if (context.interactive() && !acceptDrops) {
            for (RenameSuggestion s : Migrations.renameSuggestions(schema, p.dir())) {
                if (answered(s, confirmed)) {
                    continue;
                }
                out.print(question(s));
                out.flush();
                String line = context.in().readLine();
                if (line == null) {
                    throw new MigrationException("no answer to: " + question(s).trim());
                }
                if (line.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
                    confirmed.add(s);
                }
            }
            accept = true;
        }
        MigrationOptions options = new MigrationOptions(name, dryRun, confirmed, accept);
        Optional<MigrationDraft> draft;
        try {
            draft = Migrations.makeMigrations(schema, p.dir(), options);
        } catch (MigrationRenameException e) {
            if (dryRun) {
                out.println("Possible renames not answered, shown below as drop + add (answer them before writing):");
                e.suggestions().forEach(r -> out.println("  " + MigrationRenameException.describe(r) + "    confirm with: --rename "
                        + renameOption(r)));
                draft = Migrations.makeMigrations(schema, p.dir(), options.withAcceptDrops(true));
                return print(p, draft, out);
            }
            err.println(spec.commandLine().getColorScheme().errorText(
                    "error: refusing to drop and re-add columns that may have been renamed (their data would be lost):"));
            for (RenameSuggestion s : e.suggestions()) {
                err.println("  " + MigrationRenameException.describe(s) + "    confirm with: --rename " + renameOption(s));
            }
            err.println("Or add @RenamedFrom to the model, or pass --accept-drops if these are not renames.");
            err.flush();
            return 1;
        }
        return print(p, draft, out);
    }

    private Integer print(Project p, Optional<MigrationDraft> draft, PrintWriter out) {
        if (draft.isEmpty()) {
            out.println("No changes detected");
            return 0;
        }
        MigrationDraft d = draft.get();
        out.println((d.written() ? "Migrations for " : "Migrations for (dry run, nothing written) ") + p.dir() + ":");
        out.println("  " + d.file().getFileName());
        for (MigrationOperation op : d.migration().operations()) {
            out.println("    - " + OperationText.of(op));
        }
        out.flush();
        return 0;
    }

    /** {@code --check}: no questions, nothing written; exit 1 on any difference (an open rename is one). */
    private Integer check(Project p, Schema schema, List<RenameSuggestion> confirmed, PrintWriter out) {
        MigrationOptions options = new MigrationOptions(name, true, confirmed, acceptDrops);
        Optional<MigrationDraft> draft;
        try {
            draft = Migrations.makeMigrations(schema, p.dir(), options);
        } catch (MigrationRenameException e) {
            out.println("Changes detected: possible renames not answered:");
            e.suggestions().forEach(r -> out.println("  " + MigrationRenameException.describe(r)));
            out.flush();
            return 1;
        }
        if (draft.isEmpty()) {
            out.println("No changes detected");
            out.flush();
            return 0;
        }
        out.println("Changes detected: the models need a new migration (run makemigrations):");
        draft.get().migration().operations().forEach(op -> out.println("    - " + OperationText.of(op)));
        out.flush();
        return 1;
    }

    private Integer writeEmpty(Project p, PrintWriter out) {
        if (name == null || name.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--empty needs --name NAME");
        }
        Migration m = Migrations.makeEmptyMigration(p.dir(), name);
        out.println("Migrations for " + p.dir() + ":");
        out.println("  " + m.name() + ".json (empty: add RunJava or RawSql operations by hand)");
        out.flush();
        return 0;
    }

    private static String renameOption(RenameSuggestion s) {
        return s.column() ? s.table() + "." + s.from() + "=" + s.to() : s.from() + "=" + s.to();
    }

    private static boolean answered(RenameSuggestion s, List<RenameSuggestion> confirmed) {
        for (RenameSuggestion c : confirmed) {
            if (c.column() == s.column() && c.table().equals(s.table()) && (c.from().equals(s.from()) || c.to().equals(s.to()))) {
                return true;
            }
        }
        return false;
    }

    private static String question(RenameSuggestion s) {
        return s.column()
                ? "Was " + s.table() + "." + s.from() + " renamed to " + s.table() + "." + s.to() + "? [y/N] "
                : "Was table " + s.from() + " renamed to " + s.to() + "? [y/N] ";
    }
}
