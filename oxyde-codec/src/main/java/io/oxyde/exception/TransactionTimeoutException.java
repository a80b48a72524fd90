package io.oxyde.exception;

import java.time.Duration;

/**
 * The function given to {@code atomic(...)} did not complete within the
 * {@code AtomicOptions.timeout(Duration)}; the transaction was rolled back.
 */
public class TransactionTimeoutException extends OxydeException {

    private static final long serialVersionUID = 1L;

    public TransactionTimeoutException(String pool, Duration timeout) {
        super("transaction did not finish within " + timeout + " and was rolled back", pool, null, null);
    }
}
