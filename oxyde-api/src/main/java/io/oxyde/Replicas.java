package io.oxyde;

import io.oxyde.driver.PoolSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Read replicas behind a primary and the rules that route between them, for
 * {@link Oxyde#connect(String, String, PoolSettings, Replicas)} ({@code docs/scale-out.md}):
 *
 * <ul>
 *   <li>reads outside a transaction (model queries, {@code values}, counts, prefetches) go to a
 *       healthy replica, in turn;</li>
 *   <li>writes, locking reads ({@code forUpdate}), raw SQL and every {@code atomic} block go to the
 *       primary; an {@code atomic(AtomicOptions.readOnly())} block may go to a replica
 *       ({@link #readOnlyTransactionsOnReplicas(boolean)});</li>
 *   <li><b>read-your-writes</b>: after a write through a handle, that handle's reads go to the primary
 *       for {@link #readYourWrites(Duration)}, or, on PostgreSQL with {@link #untilReplayed()}, until
 *       the replica has replayed the write's WAL position;</li>
 *   <li>a replica that fails its health check (every {@link #healthCheckEvery(Duration)}) or a read
 *       with a lost connection is skipped until it answers again; a read it failed that way runs
 *       again on the primary; a replica that cannot be reached at connect time starts down and
 *       is opened by a later check;</li>
 *   <li>{@code query.using("primary")} / {@code db.using("primary")} force the primary,
 *       {@code using("replica")} a replica.</li>
 * </ul>
 *
 * <p>Immutable.
 */
public final class Replicas {

    private final List<String> urls;
    private final PoolSettings settings;
    private final Duration readYourWrites;
    private final boolean untilReplayed;
    private final Duration healthCheckEvery;
    private final boolean readOnlyTransactionsOnReplicas;

    private Replicas(List<String> urls, PoolSettings settings, Duration readYourWrites, boolean untilReplayed,
                     Duration healthCheckEvery, boolean readOnlyTransactionsOnReplicas) {
        this.urls = List.copyOf(urls);
        this.settings = settings;
        this.readYourWrites = readYourWrites;
        this.untilReplayed = untilReplayed;
        this.healthCheckEvery = healthCheckEvery;
        this.readOnlyTransactionsOnReplicas = readOnlyTransactionsOnReplicas;
    }

    /**
     * Replicas at these URLs (same dialect as the primary), with a read-your-writes window of one
     * second, a health check every second, and read-only transactions allowed on replicas.
     */
    public static Replicas of(String... urls) {
        if (urls.length == 0) {
            throw new IllegalArgumentException("at least one replica URL");
        }
        for (String u : urls) {
            Objects.requireNonNull(u, "replica url");
        }
        return new Replicas(List.of(urls), null, Duration.ofSeconds(1), false, Duration.ofSeconds(1), true);
    }

    /** The same replicas with their own pool settings (default: the primary's). */
    public Replicas settings(PoolSettings replicaSettings) {
        return new Replicas(urls, replicaSettings, readYourWrites, untilReplayed, healthCheckEvery,
                readOnlyTransactionsOnReplicas);
    }

    /**
     * How long after a write through a handle its reads stay on the primary; {@code Duration.ZERO}
     * turns read-your-writes off (reads may then miss the handle's own recent writes).
     */
    public Replicas readYourWrites(Duration window) {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("readYourWrites window must be zero or positive");
        }
        return new Replicas(urls, settings, window, untilReplayed, healthCheckEvery, readOnlyTransactionsOnReplicas);
    }

    /**
     * PostgreSQL: after a write, reads stay on the primary until the replica's
     * {@code pg_last_wal_replay_lsn()} has reached the primary's {@code pg_current_wal_lsn()} read
     * after the write (polled with the health check), however long that takes, instead of for a
     * fixed window. Costs one extra round trip to the primary per write outside a transaction.
     */
    public Replicas untilReplayed() {
        return new Replicas(urls, settings, readYourWrites, true, healthCheckEvery, readOnlyTransactionsOnReplicas);
    }

    /** How often each replica is checked (and, with {@link #untilReplayed()}, its replay position read). */
    public Replicas healthCheckEvery(Duration interval) {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("healthCheckEvery must be positive");
        }
        return new Replicas(urls, settings, readYourWrites, untilReplayed, interval, readOnlyTransactionsOnReplicas);
    }

    /** Whether {@code atomic(AtomicOptions.readOnly())} may run on a replica (default true). */
    public Replicas readOnlyTransactionsOnReplicas(boolean allowed) {
        return new Replicas(urls, settings, readYourWrites, untilReplayed, healthCheckEvery, allowed);
    }

    /** The replica URLs. */
    public List<String> urls() {
        return urls;
    }

    /** The replicas' pool settings, or {@code null} for the primary's. */
    public PoolSettings replicaSettings() {
        return settings;
    }

    /** The read-your-writes window. */
    public Duration readYourWritesWindow() {
        return readYourWrites;
    }

    /** Whether read-your-writes waits for the replica's replay position (PostgreSQL). */
    public boolean isUntilReplayed() {
        return untilReplayed;
    }

    /** The health-check interval. */
    public Duration healthCheckInterval() {
        return healthCheckEvery;
    }

    /** Whether read-only transactions may run on a replica. */
    public boolean allowsReadOnlyTransactionsOnReplicas() {
        return readOnlyTransactionsOnReplicas;
    }

    @Override
    public String toString() {
        return "Replicas[" + urls.size() + " replica(s), readYourWrites " + (untilReplayed ? "until replayed" : readYourWrites)
                + ", health check every " + healthCheckEvery + "]";
    }
}
