package io.oxyde.exception;

import io.oxyde.exception.OxydeException;

/**
 * {@code get(...)} matched more than one row: the criteria do not identify one object. Use
 * {@code first()} if any match will do.
 */
public class MultipleObjectsReturnedException extends OxydeException {

    private static final long serialVersionUID = 1L;

    private final Class<?> model;

    public MultipleObjectsReturnedException(Class<?> model, String criteria) {
        super("more than one " + model.getSimpleName() + " matches " + criteria);
        this.model = model;
    }

    /** The model that was queried. */
    public Class<?> model() {
        return model;
    }
}
