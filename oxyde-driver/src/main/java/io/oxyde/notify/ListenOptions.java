package io.oxyde.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How a LISTEN subscription behaves: how many received notifications it buffers for a slow
 * subscriber, what happens when that buffer is full, and how it reconnects after a lost
 * connection. Immutable; each {@code with…} method returns a copy.
 *
 * <p>Why a buffer at all: PostgreSQL pushes notifications to the listening session whether or
 * not anyone reads them, and a session that stops reading holds back the server's shared
 * notification queue for every other session (when it is full, {@code NOTIFY} fails
 * database-wide). So the listener always keeps reading its connection, and back-pressure
 * ends at this buffer: {@link java.util.concurrent.Flow.Subscription#request(long) request(n)} releases buffered
 * notifications, and the overflow policy decides what happens beyond it. Nothing is ever
 * dropped without a signal.
 *
 * @see java.util.concurrent.Flow
 */
public final class ListenOptions {

    /** What happens when a notification arrives and the subscriber's buffer is full. */
    public enum Overflow {
        /**
         * The subscription ends with {@code onError(NotificationOverflowException)}, which says
         * how many notifications were not delivered; the connection stops listening. The default.
         */
        FAIL,
        /**
         * Notifications beyond the buffer are dropped and counted; when the subscriber catches
         * up, a {@link Notification.Kind#OVERFLOW} marker with the count comes before the next
         * notifications, at the place where they were lost.
         */
        DROP_AND_MARK
    }

    private static final ListenOptions DEFAULTS =
            new ListenOptions(1024, Overflow.FAIL, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(30));

    private final int bufferSize;
    private final Overflow overflow;
    private final Duration reconnectDelay;
    private final Duration maxReconnectDelay;
    private final Duration keepalive;

    private ListenOptions(int bufferSize, Overflow overflow, Duration reconnectDelay, Duration maxReconnectDelay,
                          Duration keepalive) {
        this.bufferSize = bufferSize;
        this.overflow = overflow;
        this.reconnectDelay = reconnectDelay;
        this.maxReconnectDelay = maxReconnectDelay;
        this.keepalive = keepalive;
    }

    /** 1024 buffered notifications, {@link Overflow#FAIL}, reconnect after 100 ms doubling up to 5 s, keepalive every 30 s. */
    public static ListenOptions defaults() {
        return DEFAULTS;
    }

    /** How many received, not yet requested notifications are held (at least 1). */
    public ListenOptions withBufferSize(int bufferSize) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize must be at least 1, got " + bufferSize);
        }
        return new ListenOptions(bufferSize, overflow, reconnectDelay, maxReconnectDelay, keepalive);
    }

    /** What happens beyond the buffer. */
    public ListenOptions withOverflow(Overflow overflow) {
        return new ListenOptions(bufferSize, Objects.requireNonNull(overflow, "overflow"), reconnectDelay,
                maxReconnectDelay, keepalive);
    }

    /**
     * The wait before the first reconnection attempt after a lost connection; it doubles on
     * each failed attempt up to {@code max}. The listener keeps trying until the subscription
     * is cancelled or the pool is closed.
     */
    public ListenOptions withReconnectDelay(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("reconnect delays must be positive with first <= max, got " + first + ", " + max);
        }
        return new ListenOptions(bufferSize, overflow, first, max, keepalive);
    }

    /**
     * How long the listening connection may stay silent before the listener checks it with a
     * {@code SELECT 1} (a half-open TCP connection delivers nothing and raises no error).
     */
    public ListenOptions withKeepalive(Duration keepalive) {
        if (keepalive.isNegative() || keepalive.isZero()) {
            throw new IllegalArgumentException("keepalive must be positive, got " + keepalive);
        }
        return new ListenOptions(bufferSize, overflow, reconnectDelay, maxReconnectDelay, keepalive);
    }

    /** The buffer size. */
    public int bufferSize() {
        return bufferSize;
    }

    /** The overflow policy. */
    public Overflow overflow() {
        return overflow;
    }

    /** The first reconnection delay. */
    public Duration reconnectDelay() {
        return reconnectDelay;
    }

    /** The longest reconnection delay. */
    public Duration maxReconnectDelay() {
        return maxReconnectDelay;
    }

    /** The keepalive interval. */
    public Duration keepalive() {
        return keepalive;
    }

    @Override
    public String toString() {
        return "ListenOptions[bufferSize=" + bufferSize + ", overflow=" + overflow + ", reconnectDelay=" + reconnectDelay
                + ".." + maxReconnectDelay + ", keepalive=" + keepalive + "]";
    }
}
