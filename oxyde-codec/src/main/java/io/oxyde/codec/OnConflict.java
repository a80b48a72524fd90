package io.oxyde.codec;

import java.util.List;
import java.util.Objects;

/**
 * Upsert behaviour of an insert: {@code ON CONFLICT (target) DO NOTHING | DO UPDATE SET …}
 * (PostgreSQL, SQLite) or {@code ON DUPLICATE KEY UPDATE} (MySQL, MariaDB).
 *
 * @param target the conflict columns (a unique key); may be empty for DO NOTHING
 * @param action do nothing or update
 * @param updateColumns for DO UPDATE: the columns overwritten from the proposed row
 */
public record OnConflict(List<String> target, ConflictAction action, List<String> updateColumns) {

    public OnConflict {
        target = List.copyOf(target);
        Objects.requireNonNull(action, "action");
        updateColumns = List.copyOf(updateColumns);
    }

    public static OnConflict doNothing(String... target) {
        return new OnConflict(List.of(target), ConflictAction.DO_NOTHING, List.of());
    }

    public static OnConflict doUpdate(List<String> target, List<String> updateColumns) {
        return new OnConflict(target, ConflictAction.DO_UPDATE, updateColumns);
    }
}
