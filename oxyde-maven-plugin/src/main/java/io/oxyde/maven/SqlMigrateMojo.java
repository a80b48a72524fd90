package io.oxyde.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code oxyde:sqlmigrate}: prints the SQL one migration runs for a dialect, without touching a
 * database, as {@code oxyde sqlmigrate} does (for review before a deployment).
 */
@Mojo(name = "sqlmigrate", requiresProject = true, threadSafe = true)
public class SqlMigrateMojo extends AbstractOxydeMojo {

    /** The migration, e.g. 0002_add_email. */
    @Parameter(property = "oxyde.migration")
    protected String migration;

    /** postgresql, mysql, mariadb or sqlite (default: the dialect of url). */
    @Parameter(property = "oxyde.dialect")
    protected String dialect;

    /** Prints the statements that roll the migration back. */
    @Parameter(property = "oxyde.backwards", defaultValue = "false")
    protected boolean backwards;

    @Override
    protected List<String> command() throws MojoExecutionException {
        if (migration == null || migration.isBlank()) {
            throw new MojoExecutionException("oxyde:sqlmigrate needs the migration name: -Doxyde.migration=0001_initial "
                    + "or <migration> in the plugin configuration");
        }
        List<String> args = new ArrayList<>(List.of("sqlmigrate", migration));
        if (dialect != null && !dialect.isBlank()) {
            args.add("--dialect");
            args.add(dialect);
        }
        if (backwards) {
            args.add("--backwards");
        }
        args.addAll(databaseArguments());
        return args;
    }
}
