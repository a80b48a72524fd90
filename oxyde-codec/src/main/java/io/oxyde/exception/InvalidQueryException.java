package io.oxyde.exception;

/**
 * A well-formed IR that cannot be turned into SQL for the pool's dialect (unknown join alias,
 * a lookup the dialect lacks, …). The renderer's message, naming the place in the query, is
 * kept. Nothing was sent to the database.
 */
public class InvalidQueryException extends OxydeException {

    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message, String pool, Throwable cause) {
        super(message, pool, null, cause);
    }
}
