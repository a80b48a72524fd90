package io.oxyde.exception;

/**
 * No connection became free within the pool's acquire timeout: every connection is busy
 * (often held by open transactions). The work never reached the database.
 */
public class AcquireTimeoutException extends OxydeException {

    private static final long serialVersionUID = 1L;

    public AcquireTimeoutException(String message, String pool, String sql, Throwable cause) {
        super(message, pool, sql, cause);
    }
}
