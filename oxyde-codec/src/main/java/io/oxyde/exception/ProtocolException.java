package io.oxyde.exception;

/**
 * The one error the wire codec raises: the bytes (or the IR to encode) break the protocol.
 *
 * <p>The message is {@code <path>: <problem>}, e.g. {@code filter.children[2].op: unknown
 * operator "gtee"}, where the path names the offending field inside the message (shape paths
 * start at the shape's keys; {@code values[i]} is a slot value; {@code message} is the envelope
 * itself). Decoding any bytes either succeeds or throws this exception, so a receiver needs a
 * single catch to turn bad input into a clear error. The driver raises the same type (with the pool
 * named) when bytes handed to it break the protocol, so there is one name for this failure.
 */
public class ProtocolException extends OxydeException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    /**
     * @param path where in the message the problem is
     * @param problem what is wrong
     */
    public ProtocolException(String path, String problem) {
        super(path + ": " + problem, null, null, null);
        this.path = path;
        this.problem = problem;
    }

    /**
     * @param path where in the message the problem is
     * @param problem what is wrong
     * @param cause the low-level failure, e.g. a MessagePack format error
     */
    public ProtocolException(String path, String problem, Throwable cause) {
        super(path + ": " + problem, null, null, cause);
        this.path = path;
        this.problem = problem;
    }

    /** Where in the message the problem is, e.g. {@code filter.children[2].op}. */
    public String path() {
        return path;
    }

    /** What is wrong, without the path. */
    public String problem() {
        return problem;
    }

    /**
     * The driver's form: bytes handed to it on {@code pool} break the protocol; nothing was sent
     * to the database.
     *
     * @param path where in the message the problem is, or {@code "message"} for the whole
     * @param problem what is wrong
     * @param pool the pool the bytes were sent to
     * @param cause the codec's own exception, when there is one
     */
    public ProtocolException(String path, String problem, String pool, Throwable cause) {
        super(path + ": " + problem, pool, null, cause);
        this.path = path;
        this.problem = problem;
    }
}
