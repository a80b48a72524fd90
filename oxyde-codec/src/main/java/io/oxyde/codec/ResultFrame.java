package io.oxyde.codec;

/**
 * What the driver sends back across the protocol boundary: the rows of a query, or the
 * outcome of a mutation. Encoded with the same codec and value tags as the IR.
 */
public sealed interface ResultFrame permits RowSet, MutationResult {
}
