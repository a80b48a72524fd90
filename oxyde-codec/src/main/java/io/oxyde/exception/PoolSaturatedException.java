package io.oxyde.exception;


/**
 * The pool's executor queue is full, so the work was rejected at once instead of queueing
 * without bound. Back off, or raise {@code PoolSettings.Builder.maxQueuedTasks(int)}.
 */
public class PoolSaturatedException extends OxydeException {

    private static final long serialVersionUID = 1L;

    public PoolSaturatedException(String message, String pool, Throwable cause) {
        super(message, pool, null, cause);
    }
}
