package io.oxyde.migrate.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.oxyde.exception.MigrationException;
import io.oxyde.migrate.MigrationOperation;
import io.oxyde.migrate.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The one Jackson configuration for migration files, and the checksum of a migration. */
public final class Json {
    /** Pretty, stable output for files people read in code review. */
    public static final ObjectMapper FILES = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** Canonical output (sorted properties, no whitespace) that checksums are computed over. */
    public static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    public static final TypeReference<List<MigrationOperation>> OPERATIONS = new TypeReference<>() { };

    private Json() {
    }

    /** What a migration's checksum covers: its operations and the snapshot the next diff starts from. */
    public record Checksummed(List<MigrationOperation> operations, Schema snapshot) {
    }

    /**
     * SHA-256 (hex) of the canonical JSON of {@code ops} and {@code snapshot}, so editing either is
     * caught; formatting of the file does not matter.
     */
    public static String checksum(List<MigrationOperation> ops, Schema snapshot) {
        try {
            return sha256(CANONICAL.writeValueAsBytes(new Checksummed(ops, snapshot)));
        } catch (JsonProcessingException e) {
            throw new MigrationException("cannot compute the checksum of " + ops.size() + " operations", e);
        }
    }

    /** The checksum of Oxyde 0.1 history rows: the operations only (see {@code repair}). */
    public static String operationsChecksum(List<MigrationOperation> ops) {
        try {
            return sha256(CANONICAL.writerFor(OPERATIONS).writeValueAsBytes(ops));
        } catch (JsonProcessingException e) {
            throw new MigrationException("cannot compute the checksum of " + ops.size() + " operations", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new MigrationException("SHA-256 is not available", e);
        }
    }

    /** UTF-8 helper for tests of the canonical form. */
    public static String canonical(List<MigrationOperation> ops, Schema snapshot) {
        try {
            return new String(CANONICAL.writeValueAsBytes(new Checksummed(ops, snapshot)), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new MigrationException("cannot serialise operations", e);
        }
    }
}
