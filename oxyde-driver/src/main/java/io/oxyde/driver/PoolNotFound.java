package io.oxyde.driver;

import java.util.Collection;

/** Work named a pool that is not registered (never initialised, or already closed). */
public class PoolNotFound extends OxydeException {

    private static final long serialVersionUID = 1L;

    public PoolNotFound(String pool, Collection<String> known) {
        super("no pool named '" + pool + "'; known pools: " + (known.isEmpty() ? "none" : String.join(", ", known)),
                pool, null, null);
    }
}
