package io.oxyde;

/**
 * The base of every error Oxyde raises about the user's models, queries or data, so that an
 * application can catch Oxyde's failures apart from its own.
 */
public class OxydeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OxydeException(String message) {
        super(message);
    }

    public OxydeException(String message, Throwable cause) {
        super(message, cause);
    }
}
