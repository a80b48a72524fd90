package io.oxyde.exception;

import io.oxyde.exception.OxydeException;

/**
 * A model class cannot be mapped: an unsupported field type, two primary keys, a foreign key to
 * a class that is not a model, an unknown column in an index. Raised when the model's metadata
 * is first read, never later in the middle of a query, and always naming the class and field.
 */
public class ModelDefinitionException extends OxydeException {
    private static final long serialVersionUID = 1L;

    public ModelDefinitionException(String message) {
        super(message);
    }

    public ModelDefinitionException(String message, Throwable cause) {
        super(message, null, null, cause);
    }
}
