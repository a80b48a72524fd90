package io.oxyde.meta;

import io.oxyde.annotation.Table;

/**
 * A CHECK constraint ({@link Table#checks()}).
 *
 * @param name the constraint name
 * @param expression the SQL expression, verbatim
 */
public record CheckMeta(String name, String expression) {
}
