package io.oxyde.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.oxyde.driver.PoolRegistry;
import io.oxyde.micrometer.internal.PoolMeters;
import io.oxyde.micrometer.internal.StatementTimers;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds Oxyde's metrics to a Micrometer {@link MeterRegistry}:
 * <ul>
 *   <li>{@code oxyde.statements} — a timer per statement, tagged {@code pool}, {@code operation},
 *       {@code model}, {@code outcome}, {@code exception} (never by values);</li>
 *   <li>{@code oxyde.executor.queued} (tag {@code lane}), {@code oxyde.executor.queue.capacity},
 *       {@code oxyde.executor.rejected} — per pool;</li>
 *   <li>{@code oxyde.plan.cache.hits} / {@code .misses} / {@code .size} /
 *       {@code .hit.ratio} — each pool's render-plan cache;</li>
 *   <li>{@code hikaricp.connections.*} — HikariCP's own tracker on the pools Oxyde opened.</li>
 * </ul>
 * Pools opened after binding get their meters with their first statement.
 *
 * <p>Why a binder over the driver's hook rather than metrics in the core: the core stays free
 * of any metrics library, and an application without this module pays nothing.
 * {@link #close()} stops the statement timing (the meters stay registered).
 */
public final class OxydeMetrics implements MeterBinder, AutoCloseable {

    private final PoolRegistry pools;
    private final Set<String> bound = ConcurrentHashMap.newKeySet();
    private volatile AutoCloseable observation;

    /** Metrics of the pools of {@link PoolRegistry#global()} (the one {@code Oxyde.connect} uses). */
    public OxydeMetrics() {
        this(PoolRegistry.global());
    }

    /** Metrics of the pools of {@code pools}. */
    public OxydeMetrics(PoolRegistry pools) {
        this.pools = Objects.requireNonNull(pools, "pools");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : pools.names()) {
            bindPool(name, registry);
        }
        observation = pools.observe(new StatementTimers(registry, name -> bindPool(name, registry)));
    }

    private void bindPool(String name, MeterRegistry registry) {
        if (!bound.contains(name) && bound.add(name) && pools.contains(name)) {
            PoolMeters.bind(pools.get(name), registry);
        }
    }

    /** Stops timing statements. */
    @Override
    public void close() throws Exception {
        AutoCloseable o = observation;
        if (o != null) {
            o.close();
        }
    }
}
