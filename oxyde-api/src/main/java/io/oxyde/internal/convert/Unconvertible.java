package io.oxyde.internal.convert;

/**
 * A codec's failure to convert one value, carrying only the reason. Callers that know the model,
 * field and column wrap it into a {@link io.oxyde.exception.MappingException}. No stack trace: the wrapper
 * has the useful one.
 */
public final class Unconvertible extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unconvertible(String reason) {
        super(reason, null, false, false);
    }

    public Unconvertible(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
