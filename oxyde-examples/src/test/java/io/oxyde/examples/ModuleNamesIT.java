package io.oxyde.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
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
 * Every Oxyde library jar the reactor built carries its stable module name
 * (Automatic-Module-Name), and the jars resolve together as modules: valid names, no package
 * in two of them. Runs after package (failsafe), on the jars themselves.
 */
class ModuleNamesIT {

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("oxyde-codec", "io.oxyde.codec"), Map.entry("oxyde-query", "io.oxyde.query"),
            Map.entry("oxyde-driver", "io.oxyde.driver"), Map.entry("oxyde-migrate", "io.oxyde.migrate"),
            Map.entry("oxyde-api", "io.oxyde"), Map.entry("oxyde-testkit", "io.oxyde.testkit"),
            Map.entry("oxyde-cli", "io.oxyde.cli"), Map.entry("oxyde-spring-boot-starter", "io.oxyde.spring"),
            Map.entry("oxyde-micrometer", "io.oxyde.micrometer"),
            Map.entry("oxyde-opentelemetry", "io.oxyde.opentelemetry"), Map.entry("oxyde-maven-plugin", "io.oxyde.maven"));

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
        Configuration resolved = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), names);
        assertThat(resolved.modules()).hasSize(EXPECTED.size());
        ModuleReference api = finder.find("io.oxyde").orElseThrow();
        assertThat(api.descriptor().packages()).contains("io.oxyde", "io.oxyde.internal.ir");
    }
}
