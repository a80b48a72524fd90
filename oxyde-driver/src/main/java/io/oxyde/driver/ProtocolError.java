package io.oxyde.driver;

/**
 * Bytes handed to {@link OxydeDriver#execute(String, byte[])} are not a valid IR message
 * (wrong version, truncated, malformed, invalid query). The codec's
 * {@code ProtocolException}, with its exact path to the bad field, is the cause. Nothing was
 * sent to the database.
 */
public class ProtocolError extends OxydeException {

    private static final long serialVersionUID = 1L;

    public ProtocolError(String message, String pool, Throwable cause) {
        super(message, pool, null, cause);
    }
}
