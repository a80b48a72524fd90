package io.oxyde.codec;

import java.util.List;
import java.util.Objects;

/**
 * One row of a {@link BulkUpdateIr}: the key that identifies it and its new values.
 *
 * @param key the value of the key column
 * @param values one value per {@link BulkUpdateIr#columns()} entry
 */
public record BulkUpdateRow(Value key, List<Value> values) {

    public BulkUpdateRow {
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
    }
}
