package io.oxyde.exception;


/**
 * A value could not be converted between its database form and its Java field: an unknown enum
 * constant, an integer too large for an {@code int}, text that is not a date, a column of the
 * wrong kind. The message names the model, field, column and value. Oxyde never maps such a
 * value to {@code null} silently (the original Oxyde's data-loss trap).
 */
public class MappingException extends OxydeException {
    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, null, null, cause);
    }
}
