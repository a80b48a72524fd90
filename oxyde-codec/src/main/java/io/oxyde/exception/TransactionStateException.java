package io.oxyde.exception;

import io.oxyde.exception.TransactionState;

/**
 * A transaction id was used that is unknown or whose transaction has ended (committed,
 * rolled back, reclaimed by the reaper for idling, or failed). {@link #state()} says which;
 * it is {@code null} for an id that never existed.
 */
public class TransactionStateException extends OxydeException {

    private static final long serialVersionUID = 1L;

    private final long transactionId;
    private final TransactionState state;

    public TransactionStateException(String message, String pool, long transactionId, TransactionState state) {
        super(message, pool, null, null);
        this.transactionId = transactionId;
        this.state = state;
    }

    /** The id that was used. */
    public long transactionId() {
        return transactionId;
    }

    /** How the transaction ended, or {@code null} if the id is unknown. */
    public TransactionState state() {
        return state;
    }
}
