package io.oxyde.codec;

/**
 * One query in Oxyde's intermediate representation: the unit that crosses the protocol
 * boundary between the API layer and the driver.
 *
 * <p>The IR is a closed family of immutable records, so a receiver can switch over it
 * exhaustively and the compiler tells every module when an operation is added. Values never
 * travel as strings: every literal is a typed {@link Value}.
 */
public sealed interface QueryIr permits SelectIr, InsertIr, UpdateIr, BulkUpdateIr, DeleteIr, RawIr {

    /** The operation this IR performs; also its tag on the wire. */
    Operation operation();
}
