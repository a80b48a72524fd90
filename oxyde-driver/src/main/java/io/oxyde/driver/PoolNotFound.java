package io.oxyde.driver;

import java.util.Collection;

/** Work named a pool that is not registered (never initialised, or already closed). */
public class PoolNotFound extends OxydeException {

    private static final long serialVersionUID = 1L;

    public PoolNotFound(String pool, Collection<String> known) {
        this("no pool named '" + pool + "'; known pools: " + (known.isEmpty() ? "none" : String.join(", ", known)),
                pool);
    }

    private PoolNotFound(String message, String pool) {
        super(message, pool, null, null);
    }

    /** Work reached a pool that was closed after the work was submitted. */
    public static PoolNotFound closed(String pool) {
        return new PoolNotFound("pool '" + pool + "' was closed", pool);
    }
}
