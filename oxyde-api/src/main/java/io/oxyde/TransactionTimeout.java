package io.oxyde;

import io.oxyde.driver.OxydeException;
import java.time.Duration;

/**
 * The function given to {@code atomic(...)} did not complete within the
 * {@link AtomicOptions#timeout(Duration) timeout}; the transaction was rolled back.
 */
public class TransactionTimeout extends OxydeException {

    private static final long serialVersionUID = 1L;

    public TransactionTimeout(String pool, Duration timeout) {
        super("transaction did not finish within " + timeout + " and was rolled back", pool, null, null);
    }
}
