package io.oxyde.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boots a small application that is a named module ({@code module demo { requires io.oxyde; }})
 * on the module path, in a separate JVM, with the Oxyde jars the reactor built as the named
 * modules their {@code module-info.class} describes and every library they need on the module
 * path too (nothing on the class path): it compiles the application against the jars, runs it
 * with {@code -m demo/demo.Main}, and checks that it created, validated, queried and counted
 * rows of its own record on SQLite through Oxyde, that the modules are not automatic, and that
 * an {@code .internal} package is closed to it both when it compiles and when it reflects. A
 * third application runs with {@code io.oxyde.micrometer} and {@code io.oxyde.opentelemetry}
 * (statements timed, HikariCP's tracker bound, spans through the OpenTelemetry API), and a
 * fourth, whose model package is not open, gets the error naming the {@code opens} to add; a
 * fifth applies the migration files inside its own modular jar ({@code classpath:db/oxyde}).
 *
 * <p>What an application needs, learned from it: {@code requires io.oxyde} (the driver, codec
 * and {@code java.sql} come with it, {@code requires transitive}) and
 * {@code opens <model package> to io.oxyde, org.hibernate.validator} (Oxyde builds method
 * handles on the models; Bean Validation reads their fields). The JDBC driver needs no
 * {@code requires}: it is found through the {@code java.sql.Driver} service.
 */
class ModulePathIT {

    /** The Oxyde library jars the application needs at run time, by module directory. */
    private static final Set<String> OXYDE = Set.of("oxyde-codec", "oxyde-query", "oxyde-driver", "oxyde-migrate", "oxyde-api");
    /**
     * The third-party jars those modules need at run time (by file-name prefix): what their
     * descriptors require, and the implementations found as services (the SQLite driver, the
     * expression language Hibernate Validator interpolates messages with, the SLF4J binding).
     */
    private static final List<String> LIBRARIES = List.of("msgpack-core-", "jooq-", "r2dbc-spi-", "reactive-streams-",
            "HikariCP-", "slf4j-api-", "slf4j-simple-", "jackson-databind-", "jackson-core-", "jackson-annotations-",
            "jackson-datatype-jsr310-", "jakarta.validation-api-", "hibernate-validator-", "jboss-logging-",
            "classmate-", "expressly-", "jakarta.el-api-", "sqlite-jdbc-");

    private static String write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file.toString();
    }

    /** The integrations' jars and what they need beyond the core's. */
    private static final Set<String> OBSERVABILITY = Set.of("oxyde-micrometer", "oxyde-opentelemetry");
    private static final List<String> OBSERVABILITY_LIBRARIES = List.of("micrometer-core-", "micrometer-commons-",
            "micrometer-observation-", "HdrHistogram-", "LatencyUtils-", "opentelemetry-api-", "opentelemetry-context-", "opentelemetry-common-");

    /** The module path of the application: the five Oxyde jars and the libraries, nothing else. */
    private static List<String> modulePath() {
        return modulePath(OXYDE, LIBRARIES);
    }

    /** The built jars of the {@code oxyde} module directories and the libraries by file-name prefix. */
    private static List<String> modulePath(Set<String> oxydeModules, List<String> libraries) {
        List<String> modulePath = new ArrayList<>();
        int oxyde = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            String file = p.getFileName().toString();
            if (!file.endsWith(".jar")) {
                continue; // this module's own classes and test classes
            }
            boolean built = p.getParent() != null && p.getParent().getFileName().toString().equals("target");
            if (built && oxydeModules.contains(p.getParent().getParent().getFileName().toString())) {
                modulePath.add(p.toString());
                oxyde++;
            } else if (!built && libraries.stream().anyMatch(prefix -> file.startsWith(prefix)
                    && Character.isDigit(file.charAt(prefix.length())))) {
                modulePath.add(p.toString());
            }
        }
        assertThat(oxyde).as("built Oxyde jars on the class path").isEqualTo(oxydeModules.size());
        assertThat(modulePath).as("libraries found").hasSize(oxydeModules.size() + libraries.size());
        return modulePath;
    }

    /** Compiles the sources as one module; the exit code and javac's messages. */
    private static Map.Entry<Integer, String> compile(Path classes, List<String> modulePath, List<String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // An explicit, empty class path: the in-process compiler would otherwise use this test's.
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                "--module-path", String.join(File.pathSeparator, modulePath),
                "--class-path", classes.resolveSibling("no-class-path").toString()));
        args.addAll(sources);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = javac.run(null, err, err, args.toArray(String[]::new));
        return Map.entry(code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aNamedModuleRunsQueriesWithOxydeAsNamedModules(@TempDir Path dir) throws Exception {
        List<String> modulePath = modulePath();
        Path src = dir.resolve("src");
        List<String> sources = List.of(
                write(src.resolve("module-info.java"), """
                        module demo {
                            requires io.oxyde;
                            // Oxyde builds method handles on the models; Bean Validation reads their fields.
                            opens demo.model to io.oxyde, org.hibernate.validator;
                        }
                        """),
                write(src.resolve("demo/model/Note.java"), """
                        package demo.model;
                        import jakarta.validation.constraints.NotBlank;
                        public record Note(Long id, @NotBlank String text) {}
                        """),
                write(src.resolve("demo/Main.java"), """
                        package demo;

                        import demo.model.Note;
                        import io.oxyde.Oxyde;
                        import io.oxyde.exception.ValidationException;
                        import java.util.List;

                        public final class Main {
                            public static void main(String[] args) throws Exception {
                                try (Oxyde db = Oxyde.connect("sqlite:" + args[0])) {
                                    Oxyde.await(db.raw("CREATE TABLE note (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL)").execute());
                                    Note stored = Oxyde.await(db.objects(Note.class).create(new Note(null, "hello from a module")));
                                    Oxyde.await(db.objects(Note.class).create(new Note(null, "second")));
                                    try {
                                        Oxyde.await(db.objects(Note.class).create(new Note(null, " ")));
                                        System.out.println("validation=accepted");
                                    } catch (ValidationException e) {
                                        System.out.println("validation=refused");
                                    }
                                    List<Note> found = Oxyde.await(db.objects(Note.class).filter("text__startswith", "hello").all());
                                    System.out.println("stored=" + stored);
                                    System.out.println("found=" + found);
                                    System.out.println("count=" + Oxyde.await(db.objects(Note.class).count()));
                                }
                                System.out.println("app-module=" + Main.class.getModule().getName());
                                for (Class<?> c : List.of(Oxyde.class, io.oxyde.driver.OxydeDriver.class, io.oxyde.codec.Value.class)) {
                                    System.out.println("module=" + c.getModule().getName()
                                            + " automatic=" + c.getModule().getDescriptor().isAutomatic());
                                }
                                // A public class of an internal package, reached by reflection: its package is not exported.
                                Class<?> internal = Class.forName("io.oxyde.internal.validation.Validators");
                                System.out.println("internal-exported=" + Oxyde.class.getModule().isExported("io.oxyde.internal.validation"));
                                try {
                                    internal.getMethod("validator").invoke(null);
                                    System.out.println("internal-access=allowed");
                                } catch (IllegalAccessException e) {
                                    System.out.println("internal-access=refused");
                                }
                            }
                        }
                        """));
        Path classes = dir.resolve("classes");
        Map.Entry<Integer, String> compiled = compile(classes, modulePath, sources);
        assertThat(compiled.getKey()).as("javac: %s", compiled.getValue()).isZero();

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> modules = new ArrayList<>(modulePath);
        modules.add(classes.toString());
        ProcessBuilder pb = new ProcessBuilder(java.toString(),
                "--module-path", String.join(File.pathSeparator, modules),
                "-m", "demo/demo.Main", dir.resolve("notes.db").toString())
                .redirectErrorStream(true);
        pb.environment().remove("CLASSPATH");
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = output.lines().filter(l -> l.contains("=")).collect(Collectors.toList());
        assertThat(lines).as(output).contains(
                "validation=refused",
                "stored=Note[id=1, text=hello from a module]",
                "found=[Note[id=1, text=hello from a module]]",
                "count=2",
                "app-module=demo",
                "module=io.oxyde automatic=false",
                "module=io.oxyde.driver automatic=false",
                "module=io.oxyde.codec automatic=false",
                "internal-exported=false",
                "internal-access=refused");
    }

    @Test
    void theMicrometerAndOpenTelemetryModulesWorkOnTheModulePath(@TempDir Path dir) throws Exception {
        Set<String> oxyde = new java.util.HashSet<>(OXYDE);
        oxyde.addAll(OBSERVABILITY);
        List<String> libraries = new ArrayList<>(LIBRARIES);
        libraries.addAll(OBSERVABILITY_LIBRARIES);
        List<String> modulePath = modulePath(oxyde, libraries);
        Path src = dir.resolve("src");
        List<String> sources = List.of(
                write(src.resolve("module-info.java"), """
                        module watched {
                            requires io.oxyde;
                            requires io.oxyde.micrometer;
                            requires io.oxyde.opentelemetry;
                        }
                        """),
                write(src.resolve("watched/Main.java"), """
                        package watched;

                        import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
                        import io.opentelemetry.api.OpenTelemetry;
                        import io.oxyde.Oxyde;
                        import io.oxyde.micrometer.OxydeMetrics;
                        import io.oxyde.opentelemetry.OxydeTracing;

                        public final class Main {
                            public static void main(String[] args) throws Exception {
                                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                                try (Oxyde db = Oxyde.connect("sqlite:" + args[0]);
                                     OxydeMetrics metrics = new OxydeMetrics();
                                     OxydeTracing tracing = OxydeTracing.install(OpenTelemetry.noop())) {
                                    metrics.bindTo(registry);
                                    Oxyde.await(db.raw("CREATE TABLE t (id INTEGER PRIMARY KEY)").execute());
                                    Oxyde.await(db.raw("INSERT INTO t (id) VALUES (1), (2)").execute());
                                    System.out.println("rows=" + Oxyde.await(db.raw("SELECT id FROM t").all()).size());
                                    System.out.println("timed=" + registry.get("oxyde.statements").timers().stream()
                                            .mapToLong(io.micrometer.core.instrument.Timer::count).sum());
                                    System.out.println("hikari=" + !registry.find("hikaricp.connections").gauges().isEmpty());
                                }
                            }
                        }
                        """));
        Path classes = dir.resolve("classes");
        Map.Entry<Integer, String> compiled = compile(classes, modulePath, sources);
        assertThat(compiled.getKey()).as("javac: %s", compiled.getValue()).isZero();
        List<String> modules = new ArrayList<>(modulePath);
        modules.add(classes.toString());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", String.join(File.pathSeparator, modules),
                "-m", "watched/watched.Main", dir.resolve("watched.db").toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        // three statements timed through the driver's hook, HikariCP's own tracker bound
        assertThat(output.lines().filter(l -> l.contains("="))).as(output)
                .contains("rows=2", "timed=3", "hikari=true");
    }

    /** The model the migration files of {@link #migrationFilesInsideTheApplicationJarAreFound} are made from. */
    record Note(Long id, String text) {
    }

    @Test
    void migrationFilesInsideTheApplicationJarAreFound(@TempDir Path dir) throws Exception {
        List<String> modulePath = modulePath();
        Path src = dir.resolve("src");
        List<String> sources = List.of(
                write(src.resolve("module-info.java"), """
                        module migrating {
                            requires io.oxyde;
                        }
                        """),
                write(src.resolve("migrating/Main.java"), """
                        package migrating;

                        import io.oxyde.Oxyde;
                        import io.oxyde.migration.Migrations;

                        public final class Main {
                            public static void main(String[] args) {
                                System.out.println("applied=" + Migrations.migrate("sqlite:" + args[0], "classpath:" + args[1]).applied());
                                try (Oxyde db = Oxyde.connect("sqlite:" + args[0])) {
                                    Oxyde.await(db.raw("INSERT INTO note (text) VALUES ('migrated')").execute());
                                    System.out.println("rows=" + Oxyde.await(db.raw("SELECT text FROM note").all()).size());
                                }
                            }
                        }
                        """));
        Path classes = dir.resolve("classes");
        Map.Entry<Integer, String> compiled = compile(classes, modulePath, sources);
        assertThat(compiled.getKey()).as("javac: %s", compiled.getValue()).isZero();
        // the migration files, written by Oxyde from the model, as resources of the application
        Path drafts = dir.resolve("drafts");
        io.oxyde.migration.Migrations.makeMigrations(List.of(Note.class), drafts, "initial", false);
        List<String> files;
        try (var listed = Files.list(drafts)) {
            files = listed.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        assertThat(files).containsExactly("0001_initial.json");
        Files.createDirectories(classes.resolve("db/oxyde"));
        Files.copy(drafts.resolve("0001_initial.json"), classes.resolve("db/oxyde/0001_initial.json"));
        Path jar = dir.resolve("migrating.jar");
        java.util.spi.ToolProvider jarTool = java.util.spi.ToolProvider.findFirst("jar").orElseThrow();
        assertThat(jarTool.run(System.out, System.err, "--create", "--file", jar.toString(), "-C", classes.toString(), "."))
                .isZero();
        List<String> modules = new ArrayList<>(modulePath);
        modules.add(jar.toString());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", String.join(File.pathSeparator, modules),
                "-m", "migrating/migrating.Main", dir.resolve("migrated.db").toString(), "db/oxyde")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(l -> l.contains("="))).as(output)
                .contains("applied=[0001_initial]", "rows=1");
    }

    @Test
    void aModelPackageThatIsNotOpenIsRefusedWithTheDirectiveToAdd(@TempDir Path dir) throws Exception {
        List<String> modulePath = modulePath();
        Path src = dir.resolve("src");
        List<String> sources = List.of(
                write(src.resolve("module-info.java"), """
                        module closed {
                            requires io.oxyde;
                        }
                        """),
                write(src.resolve("closed/model/Note.java"), """
                        package closed.model;
                        public record Note(Long id, String text) {}
                        """),
                write(src.resolve("closed/Main.java"), """
                        package closed;

                        import closed.model.Note;
                        import io.oxyde.Oxyde;
                        import io.oxyde.exception.OxydeException;

                        public final class Main {
                            public static void main(String[] args) {
                                try (Oxyde db = Oxyde.connect("sqlite:" + args[0])) {
                                    Oxyde.await(db.objects(Note.class).count());
                                    System.out.println("closed=accepted");
                                } catch (OxydeException e) {
                                    System.out.println("closed=" + e.getClass().getSimpleName() + ": " + e.getMessage());
                                }
                            }
                        }
                        """));
        Path classes = dir.resolve("classes");
        Map.Entry<Integer, String> compiled = compile(classes, modulePath, sources);
        assertThat(compiled.getKey()).as("javac: %s", compiled.getValue()).isZero();
        List<String> modules = new ArrayList<>(modulePath);
        modules.add(classes.toString());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", String.join(File.pathSeparator, modules),
                "-m", "closed/closed.Main", dir.resolve("closed.db").toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(l -> l.startsWith("closed=")))
                .as(output)
                .containsExactly("closed=ModelDefinitionException: cannot access model closed.model.Note: its package must be"
                        + " open to Oxyde (in module-info.java: opens closed.model to io.oxyde, org.hibernate.validator;)");
    }

    @Test
    void anApplicationModuleCannotCompileAgainstAnInternalPackage(@TempDir Path dir) throws Exception {
        List<String> modulePath = modulePath();
        Path src = dir.resolve("src");
        List<String> sources = List.of(
                write(src.resolve("module-info.java"), """
                        module intruder {
                            requires io.oxyde;
                        }
                        """),
                write(src.resolve("intruder/Main.java"), """
                        package intruder;

                        public final class Main {
                            public static void main(String[] args) {
                                System.out.println(io.oxyde.internal.validation.Validators.validator());
                                System.out.println(io.oxyde.driver.internal.Lineage.class);
                            }
                        }
                        """));
        Map.Entry<Integer, String> compiled = compile(dir.resolve("classes"), modulePath, sources);
        assertThat(compiled.getKey()).as("javac must refuse: %s", compiled.getValue()).isNotZero();
        assertThat(compiled.getValue())
                .contains("package io.oxyde.internal.validation is declared in module io.oxyde, which does not export it")
                .contains("package io.oxyde.driver.internal is declared in module io.oxyde.driver, which does not export it to module intruder");
    }
}
