package io.oxyde.codec;

import java.util.List;
import java.util.Objects;

/**
 * An UPDATE of the rows matching a filter.
 *
 * @param model the model's name, for messages only (may be {@code null})
 * @param table the table
 * @param assignments the SET list, at least one
 * @param filter the WHERE tree, or {@code null} for every row
 * @param returning columns to return where the dialect supports RETURNING
 */
public record UpdateIr(String model, String table, List<Assignment> assignments, FilterNode filter,
                       List<String> returning) implements QueryIr {

    public UpdateIr {
        Objects.requireNonNull(table, "table");
        assignments = List.copyOf(assignments);
        returning = List.copyOf(returning);
    }

    @Override
    public Operation operation() {
        return Operation.UPDATE;
    }
}
