package io.oxyde.codec;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of an insert, update or delete.
 *
 * @param affected the number of rows the statement changed
 * @param generatedKeys keys the database generated, in insertion order (empty if none)
 * @param returned rows of a RETURNING clause, or an empty row set
 */
public record MutationResult(long affected, List<Value> generatedKeys, RowSet returned)
        implements ResultFrame {

    public MutationResult {
        generatedKeys = List.copyOf(generatedKeys);
        Objects.requireNonNull(returned, "returned");
    }
}
