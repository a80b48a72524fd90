package io.oxyde;

import io.oxyde.driver.OxydeException;

/**
 * {@code get(...)} matched more than one row: the criteria do not identify one object. Use
 * {@code first()} if any match will do.
 */
public class MultipleObjectsReturned extends OxydeException {

    private static final long serialVersionUID = 1L;

    private final Class<?> model;

    public MultipleObjectsReturned(Class<?> model, String criteria) {
        super("more than one " + model.getSimpleName() + " matches " + criteria);
        this.model = model;
    }

    /** The model that was queried. */
    public Class<?> model() {
        return model;
    }
}
