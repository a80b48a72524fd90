package io.oxyde.exception;

/**
 * The one error the wire codec raises: the bytes (or the IR to encode) break the protocol.
 *
 * <p>The message is {@code <path>: <problem>}, e.g. {@code filter.children[2].op: unknown
 * operator "gtee"}, where the path names the offending field inside the message (shape paths
 * start at the shape's keys; {@code values[i]} is a slot value; {@code message} is the envelope
 * itself). Decoding any bytes either succeeds or throws this exception, so a receiver needs a
 * single catch to turn bad input into a clear error.
 */
public class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    /**
     * @param path where in the message the problem is
     * @param problem what is wrong
     */
    public ProtocolException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    /**
     * @param path where in the message the problem is
     * @param problem what is wrong
     * @param cause the low-level failure, e.g. a MessagePack format error
     */
    public ProtocolException(String path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
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
}
