package io.oxyde.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code oxyde:migrate}: applies the pending migrations to {@code url}, or moves forward or back
 * to {@code target} (a migration name, or {@code zero}), as {@code oxyde migrate} does. Bound to
 * no phase: a build migrates a database only when asked.
 */
@Mojo(name = "migrate", requiresProject = true, threadSafe = true)
public class MigrateMojo extends AbstractOxydeMojo {

    /** Migration to end at (it stays applied), or zero; default the latest. */
    @Parameter(property = "oxyde.target")
    protected String target;

    /** Only records (or unrecords) the migrations; runs no DDL. */
    @Parameter(property = "oxyde.fake", defaultValue = "false")
    protected boolean fake;

    @Override
    protected List<String> command() {
        List<String> args = new ArrayList<>(List.of("migrate"));
        if (target != null && !target.isBlank()) {
            args.add(target);
        }
        if (fake) {
            args.add("--fake");
        }
        args.addAll(databaseArguments());
        return args;
    }
}
