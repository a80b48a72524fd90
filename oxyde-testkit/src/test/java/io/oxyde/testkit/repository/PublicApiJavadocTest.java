package io.oxyde.testkit.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A repository-wide lint that runs with every build: every public top-level type of every
 * module's public (non-{@code .internal}) packages carries a Javadoc comment, and every package
 * has a {@code package-info.java}. It lives here because the test kit is the one module every
 * other module's build already depends on.
 */
class PublicApiJavadocTest {

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|static|strictfp)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("oxyde-codec"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root above %s", Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(repositoryRoot())) {
            for (Path module : (Iterable<Path>) modules::iterator) {
                Path src = module.resolve("src/main/java");
                if (Files.isDirectory(src)) {
                    try (Stream<Path> walk = Files.walk(src)) {
                        walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
                    }
                }
            }
        }
        return files;
    }

    @Test
    void everyPublicTypeOfThePublicApiHasJavadoc() throws IOException {
        List<String> undocumented = new ArrayList<>();
        int checked = 0;
        for (Path file : mainSources()) {
            if (file.toString().contains("/internal/") || file.getFileName().toString().equals("package-info.java")) {
                continue;
            }
            String text = Files.readString(file);
            Matcher m = PUBLIC_TYPE.matcher(text);
            if (m.find()) {
                checked++;
                String before = text.substring(0, m.start());
                int open = before.lastIndexOf("/**");
                int close = before.lastIndexOf("*/");
                // Between the comment and the declaration only annotations may stand (no import,
                // no package statement: those end with a semicolon).
                boolean documented = open >= 0 && close > open && !before.substring(close).contains(";");
                if (!documented) {
                    undocumented.add(repositoryRoot().relativize(file).toString());
                }
            }
        }
        assertThat(checked).as("public types found").isGreaterThan(100);
        assertThat(undocumented).as("public types without a Javadoc comment").isEmpty();
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        // module-info.java sits in the source root, which is no package.
        mainSources().stream().filter(p -> !p.getFileName().toString().equals("module-info.java"))
                .map(Path::getParent).distinct().forEach(dir -> {
            if (!Files.exists(dir.resolve("package-info.java"))) {
                missing.add(repositoryRoot().relativize(dir).toString());
            }
        });
        assertThat(missing).as("packages without package-info.java").isEmpty();
    }
}
