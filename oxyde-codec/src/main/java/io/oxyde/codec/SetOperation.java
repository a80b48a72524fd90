package io.oxyde.codec;

import java.util.Objects;

/**
 * {@code UNION [ALL] <query>} appended to a select.
 *
 * @param operator union or union all
 * @param query the other select; it must produce the same number of columns
 */
public record SetOperation(SetOperator operator, SelectIr query) {

    public SetOperation {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(query, "query");
    }
}
