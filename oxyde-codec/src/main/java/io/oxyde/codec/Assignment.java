package io.oxyde.codec;

import java.util.Objects;

/**
 * {@code column = expr} in an UPDATE.
 *
 * @param column the assigned column
 * @param value the new value, possibly computed from columns
 */
public record Assignment(String column, Expr value) {

    public Assignment {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
    }
}
