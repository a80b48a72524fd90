package io.oxyde.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code oxyde:makemigrations}: diffs the project's models (its compiled classes) against the
 * latest migration's snapshot and writes the next migration file, as {@code oxyde
 * makemigrations} does. A build answers no rename questions: confirm renames with
 * {@code renames}, or set {@code acceptDrops}; otherwise a possible rename fails the build and
 * names the choices.
 */
@Mojo(name = "makemigrations", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class MakeMigrationsMojo extends AbstractOxydeMojo {

    /** The project's compiled classes and compile dependencies: where the models are loaded from. */
    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    protected List<String> classpathElements = new ArrayList<>();

    /** Migration name (default: initial, then auto). */
    @Parameter(property = "oxyde.name")
    protected String name;

    /** Shows what would be written, writes nothing. */
    @Parameter(property = "oxyde.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /** Confirmed renames: table.old_column=new_column, or old_table=new_table. */
    @Parameter(property = "oxyde.renames")
    protected List<String> renames = new ArrayList<>();

    /** Treats every unconfirmed possible rename as a drop and add (the dropped data is lost). */
    @Parameter(property = "oxyde.acceptDrops", defaultValue = "false")
    protected boolean acceptDrops;

    @Override
    protected List<String> command() {
        List<String> args = new ArrayList<>(List.of("makemigrations"));
        args.addAll(modelArguments(classpathElements));
        if (name != null && !name.isBlank()) {
            args.add("--name");
            args.add(name);
        }
        if (dryRun) {
            args.add("--dry-run");
        }
        if (!renames.isEmpty()) {
            args.add("--rename");
            args.add(String.join(",", renames));
        }
        if (acceptDrops) {
            args.add("--accept-drops");
        }
        return args;
    }
}
