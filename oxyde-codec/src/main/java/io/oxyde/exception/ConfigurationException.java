package io.oxyde.exception;

/**
 * A database URL or a pool setting is invalid. The message names the part that is wrong
 * (scheme, host, port, database, setting) and never contains a password.
 */
public class ConfigurationException extends OxydeException {

    private static final long serialVersionUID = 1L;

    private final String part;

    public ConfigurationException(String part, String message) {
        this(part, message, null);
    }

    public ConfigurationException(String part, String message, Throwable cause) {
        super(message, null, null, cause);
        this.part = part;
    }

    /** The part that is wrong, e.g. {@code "scheme"}, {@code "port"}, {@code "maxConnections"}. */
    public String part() {
        return part;
    }
}
