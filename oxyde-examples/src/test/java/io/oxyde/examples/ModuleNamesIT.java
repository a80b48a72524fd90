package io.oxyde.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every Oxyde library jar the reactor built carries its stable module name (its
 * {@code module-info.class}, and Automatic-Module-Name for the ones without), the jars resolve
 * together as modules with the libraries they require (valid names, no package in two of them),
 * and no descriptor exports an {@code .internal} package or opens a package to every module.
 * Runs after package (failsafe), on the jars themselves.
 */
class ModuleNamesIT {

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("oxyde-codec", "io.oxyde.codec"), Map.entry("oxyde-query", "io.oxyde.query"),
            Map.entry("oxyde-driver", "io.oxyde.driver"), Map.entry("oxyde-migrate", "io.oxyde.migrate"),
            Map.entry("oxyde-api", "io.oxyde"), Map.entry("oxyde-testkit", "io.oxyde.testkit"),
            Map.entry("oxyde-cli", "io.oxyde.cli"), Map.entry("oxyde-spring-boot-starter", "io.oxyde.spring"),
            Map.entry("oxyde-micrometer", "io.oxyde.micrometer"),
            Map.entry("oxyde-opentelemetry", "io.oxyde.opentelemetry"), Map.entry("oxyde-maven-plugin", "io.oxyde.maven"),
            Map.entry("oxyde-processor", "io.oxyde.processor"));

    /**
     * The modules that carry a {@code module-info.class}; the others keep their
     * Automatic-Module-Name (docs/architecture.md, "Module names", says why).
     */
    private static final Set<String> EXPLICIT = Set.of("io.oxyde.codec", "io.oxyde.query", "io.oxyde.driver",
            "io.oxyde.migrate", "io.oxyde", "io.oxyde.processor", "io.oxyde.cli", "io.oxyde.micrometer",
            "io.oxyde.opentelemetry");

    /** The reactor's Oxyde jars on this test's class path, by module directory. */
    private static Map<String, Path> oxydeJars() {
        Map<String, Path> jars = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (p.toString().endsWith(".jar") && p.getParent() != null && p.getParent().getFileName().toString().equals("target")) {
                String module = p.getParent().getParent().getFileName().toString();
                if (EXPECTED.containsKey(module)) {
                    jars.put(module, p);
                }
            }
        }
        return jars;
    }

    /**
     * Every other jar on this test's class path that is a valid module (explicit or automatic),
     * as one finder: the libraries the Oxyde modules' descriptors require.
     */
    private static ModuleFinder libraries(Map<String, Path> oxyde) {
        List<ModuleFinder> finders = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            // Testcontainers (the test kit's fallback) splits org.testcontainers.containers over
            // its jars, so it cannot be on a module path; no Oxyde descriptor requires it.
            if (p.toString().endsWith(".jar") && !oxyde.containsValue(p) && !p.toString().contains("/org/testcontainers/")) {
                ModuleFinder one = ModuleFinder.of(p);
                try {
                    one.findAll();
                    finders.add(one);
                } catch (FindException e) {
                    // not a valid module (no derivable name): not one the descriptors require
                }
            }
        }
        return ModuleFinder.compose(finders.toArray(ModuleFinder[]::new));
    }

    @Test
    void everyLibraryJarNamesItsModuleAndTheyResolveTogether() throws Exception {
        Map<String, Path> jars = oxydeJars();
        assertThat(jars.keySet()).as("built jars on the class path").containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        for (Map.Entry<String, Path> e : jars.entrySet()) {
            try (JarFile jar = new JarFile(e.getValue().toFile())) {
                assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                        .as(e.getValue().toString()).isEqualTo(EXPECTED.get(e.getKey()));
            }
        }
        List<Path> all = new ArrayList<>(jars.values());
        ModuleFinder finder = ModuleFinder.of(all.toArray(Path[]::new));
        Set<String> names = finder.findAll().stream().map(r -> r.descriptor().name()).collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrderElementsOf(EXPECTED.values());
        Configuration resolved = ModuleLayer.boot().configuration().resolve(finder, libraries(jars), names);
        assertThat(resolved.modules().stream().map(m -> m.name()).collect(Collectors.toSet()))
                .containsAll(EXPECTED.values());
        ModuleReference api = finder.find("io.oxyde").orElseThrow();
        assertThat(api.descriptor().packages()).contains("io.oxyde", "io.oxyde.internal.ir");
    }

    @Test
    void theModulesWithADescriptorExportNoInternalPackageToEveryone() {
        Map<String, Path> jars = oxydeJars();
        ModuleFinder finder = ModuleFinder.of(jars.values().toArray(Path[]::new));
        Map<String, String> leaks = new TreeMap<>();
        Set<String> explicit = new java.util.TreeSet<>();
        for (ModuleReference ref : finder.findAll()) {
            ModuleDescriptor d = ref.descriptor();
            if (d.isAutomatic()) {
                continue;
            }
            explicit.add(d.name());
            for (ModuleDescriptor.Exports e : d.exports()) {
                if (e.source().contains(".internal") && !e.isQualified()) {
                    leaks.put(d.name(), e.source());
                }
            }
            for (ModuleDescriptor.Opens o : d.opens()) {
                if (!o.isQualified()) {
                    leaks.put(d.name(), "opens " + o.source());
                }
            }
        }
        assertThat(explicit).as("modules with module-info.class").containsExactlyInAnyOrderElementsOf(EXPLICIT);
        assertThat(leaks).as("internal packages exported (or packages opened) to every module").isEmpty();
        ModuleDescriptor api = finder.find("io.oxyde").orElseThrow().descriptor();
        assertThat(api.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("io.oxyde", "io.oxyde.annotation", "io.oxyde.meta", "io.oxyde.metamodel",
                        "io.oxyde.expression", "io.oxyde.migration", "io.oxyde.validation");
    }
}
