package io.oxyde.cli.internal;

import io.oxyde.migration.Migrations;
import io.oxyde.cli.CliContext;
import io.oxyde.driver.DatabaseUrl;
import io.oxyde.dialect.Dialect;
import io.oxyde.migrate.MigrationLoader;
import io.oxyde.migrate.Migrator;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oxyde sqlmigrate NAME}: prints the DDL a migration runs, for a dialect, without touching a database. */
@Command(name = "sqlmigrate", mixinStandardHelpOptions = true,
        description = "Print the SQL statements of one migration for a dialect (no database needed).")
public final class SqlMigrateCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectOptions project;

    @Parameters(index = "0", paramLabel = "NAME", description = "Migration name, e.g. 0002_add_email.")
    private String name;

    @Option(names = "--dialect", paramLabel = "D",
            description = "postgresql, mysql, mariadb or sqlite (default: the dialect of --url).")
    private String dialect;

    @Option(names = "--backwards", description = "Print the statements that roll the migration back.")
    private boolean backwards;

    public SqlMigrateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Project p = project.resolve(context);
        Dialect d = dialect != null ? parse(dialect) : fromUrl(p);
        List<String> sql = backwards ? Migrator.rollbackSql(MigrationLoader.load(p.dir()), name, d)
                : Migrations.sqlFor(p.dir(), name, d);
        PrintWriter out = spec.commandLine().getOut();
        for (String statement : sql) {
            out.println(statement + ";");
        }
        out.flush();
        return 0;
    }

    private Dialect fromUrl(Project p) {
        if (p.url() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --dialect (or --url to take its dialect)");
        }
        return Dialect.valueOf(DatabaseUrl.parse(p.url()).dialect().name());
    }

    private Dialect parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "postgres", "postgresql" -> Dialect.POSTGRES;
            case "mysql" -> Dialect.MYSQL;
            case "mariadb" -> Dialect.MARIADB;
            case "sqlite" -> Dialect.SQLITE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "unknown --dialect " + value
                    + " (use postgresql, mysql, mariadb or sqlite)");
        };
    }
}
