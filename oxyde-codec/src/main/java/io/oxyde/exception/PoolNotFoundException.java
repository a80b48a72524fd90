package io.oxyde.exception;

import java.util.Collection;

/** Work named a pool that is not registered (never initialised, or already closed). */
public class PoolNotFoundException extends OxydeException {

    private static final long serialVersionUID = 1L;

    public PoolNotFoundException(String pool, Collection<String> known) {
        this("no pool named '" + pool + "'; known pools: " + (known.isEmpty() ? "none" : String.join(", ", known)),
                pool);
    }

    private PoolNotFoundException(String message, String pool) {
        super(message, pool, null, null);
    }

    /** Work reached a pool that was closed after the work was submitted. */
    public static PoolNotFoundException closed(String pool) {
        return new PoolNotFoundException("pool '" + pool + "' was closed", pool);
    }
}
