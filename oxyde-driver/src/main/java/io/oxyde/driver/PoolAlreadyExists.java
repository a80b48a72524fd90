package io.oxyde.driver;

/** A pool was initialised under a name that is already registered; close it first. */
public class PoolAlreadyExists extends OxydeException {

    private static final long serialVersionUID = 1L;

    public PoolAlreadyExists(String pool) {
        super("a pool named '" + pool + "' already exists; close it before initialising it again", pool, null, null);
    }
}
