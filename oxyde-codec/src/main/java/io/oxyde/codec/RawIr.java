package io.oxyde.codec;

import java.util.List;
import java.util.Objects;

/**
 * Raw SQL with positional {@code ?} parameters, passed through unchanged. The escape hatch;
 * its values are still bound, never spliced into the text.
 *
 * @param sql the statement, with {@code ?} placeholders
 * @param params one value per placeholder
 */
public record RawIr(String sql, List<Value> params) implements QueryIr {

    public RawIr {
        Objects.requireNonNull(sql, "sql");
        params = List.copyOf(params);
    }

    @Override
    public Operation operation() {
        return Operation.RAW;
    }
}
