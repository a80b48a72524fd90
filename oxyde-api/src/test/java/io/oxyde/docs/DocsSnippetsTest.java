package io.oxyde.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code java} code block of the API guides appears verbatim (ignoring indentation) in
 * {@link DocsExamplesTest}, which compiles and runs it on every database.
 */
class DocsSnippetsTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Path EXAMPLES = Path.of("src", "test", "java", "io", "oxyde", "docs", "DocsExamplesTest.java");

    @ParameterizedTest
    @ValueSource(strings = {"getting-started.md", "queries.md", "relations.md", "transactions.md", "raw-sql.md", "errors.md"})
    void everyJavaBlockIsATestedExample(String guide) throws IOException {
        List<String> source = normalize(Files.readAllLines(EXAMPLES));
        List<List<String>> blocks = javaBlocks(Files.readAllLines(DOCS.resolve(guide)));
        assertThat(blocks).as(guide + " has examples").isNotEmpty();
        for (List<String> block : blocks) {
            assertThat(Collections.indexOfSubList(source, normalize(block)))
                    .as(guide + ": this block is not in DocsExamplesTest:\n" + String.join("\n", block))
                    .isGreaterThanOrEqualTo(0);
        }
    }

    private static List<List<String>> javaBlocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (current == null && line.trim().equals("```java")) {
                current = new ArrayList<>();
            } else if (current != null && line.trim().equals("```")) {
                blocks.add(current);
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }

    private static List<String> normalize(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.isBlank()) {
                out.add(l.strip());
            }
        }
        return out;
    }
}
