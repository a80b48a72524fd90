package io.oxyde.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boots a small application that is a named module ({@code module demo { requires io.oxyde; }})
 * with the Oxyde jars the reactor built on the module path, as automatic modules, in a separate
 * JVM: it compiles the application against the jars, runs it with {@code -m demo/demo.Main},
 * and checks that it migrated nothing by hand but created, queried and counted rows of its own
 * record on SQLite through Oxyde, and that each class came from the module it should.
 *
 * <p>The third-party libraries (HikariCP, jOOQ, msgpack, the SQLite driver, Hibernate Validator
 * …) stay on the class path, which automatic modules read: they are not all valid modules
 * together, and an application decides on its own how it places them. The model package is
 * {@code opens}: Oxyde reads records and classes reflectively.
 */
class ModulePathIT {

    /** The Oxyde library jars the application needs at run time, by module directory. */
    private static final Set<String> OXYDE = Set.of("oxyde-codec", "oxyde-query", "oxyde-driver", "oxyde-migrate", "oxyde-api");
    /** Class-path entries a plain Oxyde application does not have (test and integration libraries). */
    private static final List<String> NOT_NEEDED = List.of("junit", "opentest4j", "apiguardian", "assertj", "spring",
            "micrometer", "opentelemetry", "maven", "plexus", "testcontainers", "picocli", "mysql", "postgresql", "sisu",
            "guice", "aopalliance", "guava", "byte-buddy", "snakeyaml", "logback", "HdrHistogram", "LatencyUtils");

    private static String write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void aNamedModuleRunsQueriesWithOxydeAsAutomaticModules(@TempDir Path dir) throws Exception {
        List<String> modulePath = new ArrayList<>();
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (!p.toString().endsWith(".jar")) {
                continue; // this module's own classes and test classes
            }
            String module = p.getParent() != null && p.getParent().getFileName().toString().equals("target")
                    ? p.getParent().getParent().getFileName().toString() : null;
            if (module != null && OXYDE.contains(module)) {
                modulePath.add(p.toString());
            } else if (module == null && NOT_NEEDED.stream().noneMatch(p.getFileName().toString()::contains)) {
                classPath.add(p.toString());
            }
        }
        assertThat(modulePath).hasSize(OXYDE.size());

        Path src = dir.resolve("src");
        List<String> sources = List.of(
                write(src.resolve("module-info.java"), """
                        module demo {
                            requires io.oxyde;
                            requires io.oxyde.driver;
                            requires java.sql;  // automatic modules do not pull in platform modules
                            opens demo.model;   // Oxyde (and Bean Validation) read the models reflectively
                        }
                        """),
                write(src.resolve("demo/model/Note.java"), """
                        package demo.model;
                        public record Note(Long id, String text) {}
                        """),
                write(src.resolve("demo/Main.java"), """
                        package demo;

                        import demo.model.Note;
                        import io.oxyde.Oxyde;
                        import java.util.List;

                        public final class Main {
                            public static void main(String[] args) {
                                try (Oxyde db = Oxyde.connect("sqlite:" + args[0])) {
                                    Oxyde.await(db.raw("CREATE TABLE note (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL)").execute());
                                    Note stored = Oxyde.await(db.objects(Note.class).create(new Note(null, "hello from a module")));
                                    Oxyde.await(db.objects(Note.class).create(new Note(null, "second")));
                                    List<Note> found = Oxyde.await(db.objects(Note.class).filter("text__startswith", "hello").all());
                                    System.out.println("stored=" + stored);
                                    System.out.println("found=" + found);
                                    System.out.println("count=" + Oxyde.await(db.objects(Note.class).count()));
                                    System.out.println("app-module=" + Main.class.getModule().getName());
                                    System.out.println("oxyde-module=" + Oxyde.class.getModule().getName()
                                            + " automatic=" + Oxyde.class.getModule().getDescriptor().isAutomatic());
                                    System.out.println("driver-module=" + io.oxyde.driver.OxydeDriver.class.getModule().getName());
                                }
                            }
                        }
                        """));
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                "--module-path", String.join(File.pathSeparator, modulePath),
                "--class-path", String.join(File.pathSeparator, classPath)));
        args.addAll(sources);
        java.io.ByteArrayOutputStream compileErr = new java.io.ByteArrayOutputStream();
        int compiled = javac.run(null, compileErr, compileErr, args.toArray(String[]::new));
        assertThat(compiled).as("javac: %s", compileErr.toString(StandardCharsets.UTF_8)).isZero();

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> modules = new ArrayList<>(modulePath);
        modules.add(classes.toString());
        ProcessBuilder pb = new ProcessBuilder(java.toString(),
                "--module-path", String.join(File.pathSeparator, modules),
                "--class-path", String.join(File.pathSeparator, classPath),
                "--add-modules", "ALL-MODULE-PATH",
                "-m", "demo/demo.Main", dir.resolve("notes.db").toString())
                .redirectErrorStream(true);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = output.lines().filter(l -> l.contains("=")).collect(Collectors.toList());
        assertThat(lines).as(output).contains(
                "stored=Note[id=1, text=hello from a module]",
                "found=[Note[id=1, text=hello from a module]]",
                "count=2",
                "app-module=demo",
                "oxyde-module=io.oxyde automatic=true",
                "driver-module=io.oxyde.driver");
    }
}
