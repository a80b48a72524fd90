package io.oxyde.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a release would publish, checked on the jars the reactor built: every library jar has
 * a {@code -sources.jar} and a {@code -javadoc.jar} beside it (the Javadoc without the
 * {@code .internal} packages), every archive entry carries the fixed
 * {@code project.build.outputTimestamp} (reproducible builds), and every module of the build is
 * either in {@code oxyde-bom} or marked as not published. Runs after package (failsafe).
 */
class PublishedArtifactsIT {

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("oxyde-bom/pom.xml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root").isNotNull();
        return dir;
    }

    /** The reactor's jars of the modules in the BOM on this test's class path, by module directory. */
    private static Map<String, Path> libraryJars() throws Exception {
        String bom = Files.readString(root().resolve("oxyde-bom/pom.xml"));
        Map<String, Path> jars = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (p.toString().endsWith(".jar") && p.getParent() != null && p.getParent().getFileName().toString().equals("target")
                    && p.getFileName().toString().startsWith("oxyde-")) {
                String module = p.getParent().getParent().getFileName().toString();
                if (bom.contains("<artifactId>" + module + "</artifactId>")) {
                    jars.put(module, p);
                }
            }
        }
        return jars;
    }

    private static String rootPom() throws Exception {
        return Files.readString(root().resolve("pom.xml"));
    }

    private static Instant outputTimestamp() throws Exception {
        Matcher m = Pattern.compile("<project.build.outputTimestamp>([^<]+)</project.build.outputTimestamp>").matcher(rootPom());
        assertThat(m.find()).as("project.build.outputTimestamp in the parent POM").isTrue();
        return Instant.parse(m.group(1));
    }

    @Test
    void everyLibraryJarHasSourcesAndJavadocBesideIt() throws Exception {
        Map<String, Path> jars = libraryJars();
        assertThat(jars.keySet()).contains("oxyde-codec", "oxyde-query", "oxyde-driver", "oxyde-migrate", "oxyde-api",
                "oxyde-testkit", "oxyde-cli", "oxyde-processor", "oxyde-spring-boot-starter", "oxyde-micrometer",
                "oxyde-opentelemetry", "oxyde-maven-plugin");
        for (Map.Entry<String, Path> e : jars.entrySet()) {
            String base = e.getValue().getFileName().toString().replaceFirst("\\.jar$", "");
            Path sources = e.getValue().resolveSibling(base + "-sources.jar");
            Path javadoc = e.getValue().resolveSibling(base + "-javadoc.jar");
            assertThat(sources).as("sources of " + e.getKey()).exists();
            assertThat(javadoc).as("javadoc of " + e.getKey()).exists();
            try (JarFile src = new JarFile(sources.toFile()); JarFile doc = new JarFile(javadoc.toFile())) {
                assertThat(Collections.list(src.entries()).stream().anyMatch(x -> x.getName().endsWith(".java")))
                        .as(sources + " has Java sources").isTrue();
                assertThat(doc.getEntry("index.html")).as(javadoc + " has index.html").isNotNull();
                assertThat(Collections.list(doc.entries()).stream().map(JarEntry::getName)
                        .filter(n -> n.contains("/internal/") && n.endsWith(".html")).toList())
                        .as(javadoc + " documents no .internal package").isEmpty();
            }
        }
    }

    @Test
    void everyArchiveEntryCarriesTheFixedOutputTimestamp() throws Exception {
        Instant fixed = outputTimestamp();
        List<String> off = new ArrayList<>();
        for (Path jar : libraryJars().values()) {
            String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            for (Path p : List.of(jar, jar.resolveSibling(base + "-sources.jar"), jar.resolveSibling(base + "-javadoc.jar"))) {
                try (JarFile f = new JarFile(p.toFile())) {
                    for (JarEntry x : Collections.list(f.entries())) {
                        // a zip entry's time may read back shifted by the time zone; the build's own date would be far off
                        Instant t = x.getLastModifiedTime().toInstant();
                        if (Math.abs(t.getEpochSecond() - fixed.getEpochSecond()) > 86_400) {
                            off.add(p.getFileName() + "!" + x.getName() + " " + t);
                        }
                    }
                }
            }
        }
        assertThat(off).as("entries not stamped with %s", fixed).isEmpty();
    }

    @Test
    void everyModuleIsInTheBomOrMarkedUnpublished() throws Exception {
        Path root = root();
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(rootPom());
        String bom = Files.readString(root.resolve("oxyde-bom/pom.xml"));
        TreeSet<String> missing = new TreeSet<>();
        while (modules.find()) {
            String module = modules.group(1);
            if (module.equals("oxyde-bom")) {
                continue;
            }
            String pom = Files.readString(root.resolve(module).resolve("pom.xml"));
            boolean unpublished = pom.contains("<maven.javadoc.skip>true</maven.javadoc.skip>")
                    && pom.contains("<maven.source.skip>true</maven.source.skip>");
            boolean inBom = bom.contains("<artifactId>" + module + "</artifactId>");
            if (unpublished == inBom) {
                missing.add(module + (inBom ? " (in the BOM but unpublished)" : " (neither in the BOM nor unpublished)"));
            }
        }
        assertThat(missing).isEmpty();
    }
}
