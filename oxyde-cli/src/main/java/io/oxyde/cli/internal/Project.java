package io.oxyde.cli.internal;

import io.oxyde.cli.CliContext;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The resolved settings of one command run: database URL, migrations directory and the model
 * classes (loaded on demand, so commands that do not need them never scan).
 */
record Project(CliContext context, CommandLine commandLine, String url, Path dir, List<String> packages,
                      List<String> modelNames, String classpath) {

    /** The database URL, or a usage error saying how to give it. */
    public String requireUrl() {
        if (url == null || url.isBlank()) {
            throw new CommandLine.ParameterException(commandLine,
                    "no database URL: give --url or put url=… in oxyde.properties");
        }
        return url;
    }

    /** The model classes of --models and --model, or a usage error when none were named. */
    public List<Class<?>> models() {
        if (packages.isEmpty() && modelNames.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine,
                    "no models: give --models PACKAGE and/or --model CLASS (or models=… in oxyde.properties)");
        }
        ModelScanner scanner = new ModelScanner(classpathEntries());
        List<Class<?>> out = new ArrayList<>();
        for (String name : modelNames) {
            out.add(scanner.load(name));
        }
        for (String pkg : packages) {
            List<Class<?>> found = scanner.scan(pkg);
            if (found.isEmpty()) {
                throw new io.oxyde.exception.MigrationException("no model classes found in package " + pkg + " on "
                        + scanner.describe());
            }
            for (Class<?> c : found) {
                if (!out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private List<Path> classpathEntries() {
        List<Path> entries = new ArrayList<>();
        if (classpath != null && !classpath.isBlank()) {
            for (String part : classpath.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    entries.add(context.resolve(part.trim()));
                }
            }
            return entries;
        }
        Path classes = context.resolve("target/classes");
        if (Files.isDirectory(classes)) {
            entries.add(classes);
        }
        for (String part : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!part.isBlank()) {
                entries.add(Path.of(part).toAbsolutePath());
            }
        }
        return entries;
    }
}
