package io.oxyde.maven;

import io.oxyde.maven.internal.CliInvocation;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: where the migrations, the models and the database are. Each goal
 * turns its configuration into the arguments of the matching {@code oxyde} CLI command and runs
 * it in-process, so the two never drift apart. A command's error fails the build with its
 * message; a configuration mistake is reported as a build error. As with the CLI, what the POM
 * leaves unset may come from {@code oxyde.properties} in the project directory.
 */
public abstract class AbstractOxydeMojo extends AbstractMojo {

    /** Database URL (postgresql://…, mariadb://…, sqlite:path, or a jdbc: URL). */
    @Parameter(property = "oxyde.url")
    protected String url;

    /** The migrations directory. */
    @Parameter(property = "oxyde.dir", defaultValue = "${project.basedir}/src/main/resources/db/oxyde")
    protected File dir;

    /** Packages scanned for model classes (subpackages included). */
    @Parameter(property = "oxyde.packages")
    protected List<String> packages = new ArrayList<>();

    /** Model class names (nested ones as Outer$Inner). */
    @Parameter(property = "oxyde.models")
    protected List<String> models = new ArrayList<>();

    /** The project's directory: relative paths are resolved against it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    /** Skips the goal. */
    @Parameter(property = "oxyde.skip", defaultValue = "false")
    protected boolean skip;

    /** The command name and its own arguments (the shared ones are added). */
    protected abstract List<String> command() throws MojoExecutionException;

    /** The arguments naming the database. */
    protected List<String> databaseArguments() {
        List<String> args = new ArrayList<>();
        if (url != null && !url.isBlank()) {
            args.add("--url");
            args.add(url);
        }
        return args;
    }

    /** The arguments naming the models and the classpath they are loaded from. */
    protected List<String> modelArguments(List<String> classpath) {
        List<String> args = new ArrayList<>();
        if (!packages.isEmpty()) {
            args.add("--models");
            args.add(String.join(",", packages));
        }
        if (!models.isEmpty()) {
            args.add("--model");
            args.add(String.join(",", models));
        }
        args.add("-cp");
        args.add(String.join(File.pathSeparator, classpath));
        return args;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("oxyde: skipped");
            return;
        }
        List<String> args = new ArrayList<>(command());
        args.add("--dir");
        args.add(dir.getAbsolutePath());
        CliInvocation run = CliInvocation.run(basedir.toPath(), args, getLog()::info, getLog()::error);
        if (run.code() == 2) {
            throw new MojoExecutionException("oxyde " + args.get(0) + ": invalid configuration: " + run.err());
        }
        if (run.code() != 0) {
            throw new MojoFailureException("oxyde " + args.get(0) + " failed: " + run.err());
        }
    }
}
