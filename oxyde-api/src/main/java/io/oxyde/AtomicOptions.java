package io.oxyde;

import io.oxyde.driver.Isolation;
import io.oxyde.driver.TxOptions;
import java.time.Duration;
import java.util.Objects;
import io.oxyde.exception.TransactionTimeoutException;

/**
 * How {@code atomic(...)} runs a transaction: isolation, read-only, a timeout for the whole
 * function, and how often to re-run it from the start after a serialization failure or a
 * deadlock (SQLSTATE 40001 / 40P01, MySQL 1213), waiting {@code backoff × 2^attempt} between
 * attempts. Immutable; each method returns a changed copy.
 */
public final class AtomicOptions {

    private static final AtomicOptions DEFAULTS = new AtomicOptions(Isolation.DEFAULT, false, null, 0,
            Duration.ofMillis(20));

    private final Isolation isolation;
    private final boolean readOnly;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;

    private AtomicOptions(Isolation isolation, boolean readOnly, Duration timeout, int retries, Duration backoff) {
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.timeout = timeout;
        this.retries = retries;
        this.backoff = backoff;
    }

    /** The database's default isolation, read-write, no timeout, no retries. */
    public static AtomicOptions defaults() {
        return DEFAULTS;
    }

    /** SERIALIZABLE isolation (combine with {@link #retries(int)}). */
    public static AtomicOptions serializable() {
        return DEFAULTS.isolation(Isolation.SERIALIZABLE);
    }

    /** With an isolation level. */
    public AtomicOptions isolation(Isolation level) {
        return new AtomicOptions(Objects.requireNonNull(level, "level"), readOnly, timeout, retries, backoff);
    }

    /** Read-only: the database refuses writes. */
    public AtomicOptions readOnly() {
        return new AtomicOptions(isolation, true, timeout, retries, backoff);
    }

    /** Rolls back and fails with {@link TransactionTimeoutException} if the function has not completed in time. */
    public AtomicOptions timeout(Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + limit);
        }
        return new AtomicOptions(isolation, readOnly, limit, retries, backoff);
    }

    /** Re-runs the function up to {@code n} more times after a retryable failure. */
    public AtomicOptions retries(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("retries must be >= 0, got " + n);
        }
        return new AtomicOptions(isolation, readOnly, timeout, n, backoff);
    }

    /** The first wait between attempts (doubled each time, with jitter); default 20 ms. */
    public AtomicOptions backoff(Duration first) {
        return new AtomicOptions(isolation, readOnly, timeout, retries, Objects.requireNonNull(first, "first"));
    }

    public Isolation isolation() {
        return isolation;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** The timeout, or {@code null} for none. */
    public Duration timeout() {
        return timeout;
    }

    public int retries() {
        return retries;
    }

    public Duration backoff() {
        return backoff;
    }

    TxOptions toDriver() {
        return new TxOptions(isolation, readOnly);
    }
}
