package io.oxyde.cli.internal;

import io.oxyde.cli.CliContext;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every command shares (where the models, the migrations and the database are), each
 * falling back to {@code oxyde.properties}; an option given on the command line wins.
 */
final class ProjectOptions {
    /** Default migrations directory, relative to the working directory. */
    public static final String DEFAULT_DIR = "src/main/resources/db/oxyde";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL",
            description = "Database: postgresql://user@host:port/db, mariadb://…, mysql://…, sqlite:path or a jdbc: URL.")
    private String url;

    @Option(names = "--dir", paramLabel = "DIR", description = "Migrations directory (default: " + DEFAULT_DIR + ").")
    private String dir;

    @Option(names = "--models", paramLabel = "PACKAGE", split = ",",
            description = "Package(s) scanned for model classes (top-level classes, subpackages included).")
    private List<String> packages = new ArrayList<>();

    @Option(names = "--model", paramLabel = "CLASS", split = ",",
            description = "Model class name(s), nested ones as Outer$Inner.")
    private List<String> models = new ArrayList<>();

    @Option(names = {"-cp", "--classpath"}, paramLabel = "PATH",
            description = "Where the model classes are: directories and jars separated by '${sys:path.separator}'"
                    + " (default: target/classes if present, plus this tool's own classpath).")
    private String classpath;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: oxyde.properties if present).")
    private String config;

    /** The options merged with the config file. */
    public Project resolve(CliContext context) {
        Properties props = load(context);
        String u = url != null ? url : props.getProperty("url");
        String d = dir != null ? dir : props.getProperty("dir", DEFAULT_DIR);
        List<String> pkgs = !packages.isEmpty() ? packages : split(props.getProperty("models"));
        List<String> classes = !models.isEmpty() ? models : split(props.getProperty("model"));
        String cp = classpath != null ? classpath : props.getProperty("classpath");
        return new Project(context, spec.commandLine(), u, context.resolve(d), pkgs, classes, cp);
    }

    private Properties load(CliContext context) {
        Properties props = new Properties();
        Path file = context.resolve(config != null ? config : "oxyde.properties");
        if (!Files.exists(file)) {
            if (config != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "config file " + file + " does not exist");
            }
            return props;
        }
        try (Reader r = Files.newBufferedReader(file)) {
            props.load(r);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read config file " + file + ": "
                    + e.getMessage());
        }
        return props;
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
