package io.oxyde.exception;

/** A pool was initialised under a name that is already registered; close it first. */
public class PoolAlreadyExistsException extends OxydeException {

    private static final long serialVersionUID = 1L;

    public PoolAlreadyExistsException(String pool) {
        super("a pool named '" + pool + "' already exists; close it before initialising it again", pool, null, null);
    }
}
