package io.oxyde.exception;

import io.oxyde.exception.OxydeException;
import java.time.Duration;
import io.oxyde.AtomicOptions;

/**
 * The function given to {@code atomic(...)} did not complete within the
 * {@link AtomicOptions#timeout(Duration) timeout}; the transaction was rolled back.
 */
public class TransactionTimeoutException extends OxydeException {

    private static final long serialVersionUID = 1L;

    public TransactionTimeoutException(String pool, Duration timeout) {
        super("transaction did not finish within " + timeout + " and was rolled back", pool, null, null);
    }
}
