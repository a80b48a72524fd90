package io.oxyde.exception;

import io.oxyde.exception.TransactionStateException;

/**
 * The life cycle of a transaction: it starts {@code ACTIVE} and ends exactly once. Every use
 * of an ended transaction is refused with a {@link TransactionStateException} saying how it
 * ended.
 */
public enum TransactionState {
    /** Open; statements may run. */
    ACTIVE,
    /** Committed by the caller. */
    COMMITTED,
    /** Rolled back by the caller. */
    ROLLED_BACK,
    /** Rolled back by the reaper because it stayed idle past the transaction timeout. */
    TIMED_OUT,
    /** Its connection broke or its commit failed; the outcome was rolled back or is unknown. */
    FAILED
}
