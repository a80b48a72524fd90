package io.oxyde.exception;

import io.oxyde.exception.OxydeException;

/**
 * {@code get(...)} (or {@code refresh}) found no row. Carries the model so one handler can
 * serve many models, e.g. to map it to HTTP 404.
 */
public class NotFoundException extends OxydeException {

    private static final long serialVersionUID = 1L;

    private final Class<?> model;

    public NotFoundException(Class<?> model, String criteria) {
        super("no " + model.getSimpleName() + " matches " + criteria);
        this.model = model;
    }

    /** The model that was queried. */
    public Class<?> model() {
        return model;
    }
}
