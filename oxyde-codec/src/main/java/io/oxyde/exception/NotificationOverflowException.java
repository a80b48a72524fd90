package io.oxyde.exception;

/**
 * A LISTEN subscriber fell so far behind that its buffer of undelivered notifications was full
 * when another one arrived, with the overflow policy {@code FAIL} (the default): the
 * subscription ends with this exception instead of losing notifications unseen. It says how
 * many notifications were buffered and not delivered. Subscribe again (and resynchronise from
 * the tables) to continue; or choose the {@code DROP_AND_MARK} policy to keep the subscription
 * and receive a marker that counts the dropped notifications.
 */
public final class NotificationOverflowException extends OxydeException {
    private static final long serialVersionUID = 1L;

    private final String channel;
    private final int bufferSize;
    private final long undelivered;

    public NotificationOverflowException(String pool, String channel, int bufferSize, long undelivered) {
        super("LISTEN subscriber on channel '" + channel + "' of pool '" + pool + "' is too slow: its buffer of "
                + bufferSize + " notifications is full, " + undelivered
                + " notifications were not delivered; request more (or raise bufferSize, or use the DROP_AND_MARK"
                + " overflow policy)", pool, null, null);
        this.channel = channel;
        this.bufferSize = bufferSize;
        this.undelivered = undelivered;
    }

    /** The channel listened to. */
    public String channel() {
        return channel;
    }

    /** The subscription's buffer size. */
    public int bufferSize() {
        return bufferSize;
    }

    /** How many received notifications were never delivered (the buffered ones and the one that overflowed). */
    public long undelivered() {
        return undelivered;
    }
}
