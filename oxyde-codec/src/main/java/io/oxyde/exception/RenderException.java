package io.oxyde.exception;

/**
 * An IR the renderer cannot turn into SQL: a reference to an unknown join or aggregate alias,
 * a value of the wrong kind for its lookup, and so on. The message names the place in the
 * query and the dialect, so the caller can fix the query rather than guess.
 */
public class RenderException extends OxydeException {
    private static final long serialVersionUID = 1L;

    public RenderException(String message) {
        super(message);
    }
}
