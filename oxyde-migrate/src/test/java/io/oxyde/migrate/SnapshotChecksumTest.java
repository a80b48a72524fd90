package io.oxyde.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Editing only the snapshot of an applied migration is caught before anything runs, on every database. */
class SnapshotChecksumTest {
    @TempDir
    Path tmp;

    @AllDatabases
    void anEditedSnapshotStopsTheNextRun(TestDatabase db) throws Exception {
        try (MigrationFixture f = MigrationFixture.library(db, tmp.resolve("snap"))) {
            Map<String, Fingerprint> before = Library.fingerprints(f.connection);
            Path file = f.dir.resolve("0001_v1.json");
            String original = Files.readString(file);
            // drop author.name from the snapshot only: the next diff would re-add an existing column
            ObjectMapper json = new ObjectMapper();
            JsonNode tree = json.readTree(original);
            for (JsonNode table : tree.get("snapshot").get("tables")) {
                if (table.get("name").asText().equals("author")) {
                    ((ArrayNode) table.get("columns")).remove(1);
                }
            }
            String edited = json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
            assertThat(edited).isNotEqualTo(original);
            Files.writeString(file, edited);
            assertThat(MigrationLoader.load(f.dir).get(0).snapshot().requireTable("author").column("name")).isEmpty();

            Migrator.makeMigrations(Library.v1(), f.dir, "readd", false).orElseThrow();
            assertThatThrownBy(f.migrator::migrate).hasMessageContaining("migration 0001_v1 was edited after it was applied")
                    .hasMessageContaining("snapshot");
            assertThatThrownBy(f.migrator::status).hasMessageContaining("0001_v1 was edited");
            assertThat(Library.fingerprints(f.connection)).isEqualTo(before);

            Files.delete(f.dir.resolve("0002_readd.json"));
            Files.writeString(file, original);
            assertThat(f.migrator.status()).extracting(MigrationStatus::applied).containsExactly(true);
        }
    }
}
