package io.oxyde.notify;

import java.util.Objects;

/**
 * One signal of a LISTEN subscription: either a notification a session sent with
 * {@code NOTIFY} / {@code pg_notify} ({@link Kind#MESSAGE}), or a marker that says
 * notifications may be missing at this point of the stream, so the subscriber should
 * resynchronise from the tables:
 * <ul>
 *   <li>{@link Kind#RECONNECTED}: the listening connection was lost and a new one LISTENs
 *       again; whatever was sent while no connection listened is gone (PostgreSQL keeps
 *       notifications only for sessions listening when they are committed), {@link #missed()}
 *       is {@code -1} (unknown);</li>
 *   <li>{@link Kind#OVERFLOW}: with {@link ListenOptions.Overflow#DROP_AND_MARK}, the subscriber
 *       was too slow, and {@link #missed()} notifications that arrived while its buffer was
 *       full were dropped here.</li>
 * </ul>
 *
 * @param channel the channel (as given to LISTEN)
 * @param payload the payload ({@code ""} when none was sent, and for markers)
 * @param processId the process id of the sending backend ({@code 0} for markers)
 * @param kind a message or a marker
 * @param missed for {@code OVERFLOW}, how many notifications were dropped; {@code -1} for
 *     {@code RECONNECTED}; {@code 0} for messages
 */
public record Notification(String channel, String payload, int processId, Kind kind, long missed) {

    /** What a {@link Notification} is. */
    public enum Kind {
        /** A notification sent by a session. */
        MESSAGE,
        /** The listener reconnected after a lost connection; notifications may be missing. */
        RECONNECTED,
        /** Notifications were dropped because the subscriber was too slow (see {@link Notification#missed()}). */
        OVERFLOW
    }

    /** Checks the components. */
    public Notification {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        payload = payload == null ? "" : payload;
    }

    /** A notification sent by a session. */
    public static Notification message(String channel, String payload, int processId) {
        return new Notification(channel, payload, processId, Kind.MESSAGE, 0);
    }

    /** Whether this is a notification a session sent (not a marker). */
    public boolean isMessage() {
        return kind == Kind.MESSAGE;
    }
}
