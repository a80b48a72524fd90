package io.oxyde.migrate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.oxyde.migrate.internal.Json;
import java.util.List;
import java.util.Objects;

/**
 * One migration file: its operations plus the full schema after it, so the next {@code makeMigrations}
 * diffs against the latest snapshot instead of replaying history.
 *
 * @param name         file name without {@code .json}, e.g. {@code 0002_add_email}
 * @param dependencies migrations that must run first (the previous one)
 * @param checksum     SHA-256 of the canonical JSON of {@code operations} and {@code snapshot}; recomputed on load
 * @param operations   the ordered operations
 * @param snapshot     the schema after this migration
 * @param replaces     for a squashed migration, the migrations it replaces (in order); empty otherwise
 */
@JsonPropertyOrder({"name", "dependencies", "replaces", "checksum", "operations", "snapshot"})
public record Migration(String name, List<String> dependencies, String checksum,
                        List<MigrationOperation> operations, Schema snapshot,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> replaces) {

    public Migration {
        Objects.requireNonNull(name, "migration name");
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        replaces = replaces == null ? List.of() : List.copyOf(replaces);
        operations = operations == null ? List.of() : List.copyOf(operations);
        snapshot = snapshot == null ? Schema.empty() : snapshot;
        checksum = Json.checksum(operations, snapshot);
    }

    /** A migration; the checksum is computed from the operations and the snapshot. */
    public static Migration of(String name, List<String> dependencies, List<MigrationOperation> operations, Schema snapshot) {
        return new Migration(name, dependencies, null, operations, snapshot, List.of());
    }

    /** This migration with other dependencies (they are not part of the checksum). */
    public Migration withDependencies(List<String> newDependencies) {
        return new Migration(name, newDependencies, null, operations, snapshot, replaces);
    }

    /** The number prefix of the name ({@code 0002_x} gives 2). */
    public int number() {
        return MigrationLoader.numberOf(name);
    }
}
