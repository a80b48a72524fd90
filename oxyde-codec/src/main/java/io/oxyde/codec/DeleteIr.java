package io.oxyde.codec;

import java.util.List;
import java.util.Objects;

/**
 * A DELETE of the rows matching a filter.
 *
 * @param model the model's name, for messages only (may be {@code null})
 * @param table the table
 * @param filter the WHERE tree, or {@code null} for every row
 * @param returning columns to return where the dialect supports RETURNING
 */
public record DeleteIr(String model, String table, FilterNode filter, List<String> returning)
        implements QueryIr {

    public DeleteIr {
        Objects.requireNonNull(table, "table");
        returning = List.copyOf(returning);
    }

    @Override
    public Operation operation() {
        return Operation.DELETE;
    }
}
