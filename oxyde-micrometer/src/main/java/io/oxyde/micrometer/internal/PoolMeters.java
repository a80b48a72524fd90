package io.oxyde.micrometer.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.oxyde.driver.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The meters of one pool: executor queues and rejections, its plan cache, and HikariCP's own tracker. */
public final class PoolMeters {

    private static final Logger LOG = LoggerFactory.getLogger("io.oxyde.micrometer");

    private PoolMeters() {
    }

    public static void bind(Pool pool, MeterRegistry registry) {
        String name = pool.name();
        Gauge.builder("oxyde.executor.queued", pool, p -> p.executorStats().queuedStatements())
                .description("Statements waiting in the pool's executor queue")
                .tag("pool", name).tag("lane", "statements").register(registry);
        Gauge.builder("oxyde.executor.queued", pool, p -> p.executorStats().queuedTransactionWork())
                .description("Transaction work waiting in the pool's executor queue")
                .tag("pool", name).tag("lane", "transactions").register(registry);
        Gauge.builder("oxyde.executor.queue.capacity", pool, p -> p.executorStats().queueCapacity())
                .description("The bound of each executor queue (maxQueuedTasks)").tag("pool", name).register(registry);
        FunctionCounter.builder("oxyde.executor.rejected", pool, p -> p.executorStats().rejected())
                .description("Work refused with PoolSaturatedException because the executor queue was full")
                .tag("pool", name).register(registry);
        FunctionCounter.builder("oxyde.plan.cache.hits", pool, p -> p.planCacheStats().hits())
                .description("IR messages whose shape was found already rendered").tag("pool", name).register(registry);
        FunctionCounter.builder("oxyde.plan.cache.misses", pool, p -> p.planCacheStats().misses())
                .description("IR messages rendered through jOOQ").tag("pool", name).register(registry);
        Gauge.builder("oxyde.plan.cache.size", pool, p -> p.planCacheStats().size())
                .description("Render plans held").tag("pool", name).register(registry);
        Gauge.builder("oxyde.plan.cache.hit.ratio", pool, p -> p.planCacheStats().hitRate())
                .description("hits / (hits + misses) of the render-plan cache").tag("pool", name).register(registry);
        pool.ownedHikariPool().ifPresent(h -> trackHikari(name, h, registry));
    }

    /**
     * HikariCP's own Micrometer tracker ({@code hikaricp.connections.*}, tag {@code pool} =
     * {@code oxyde-<name>}). HikariCP takes one tracker per pool, for its life: a pool already
     * tracked keeps its tracker.
     */
    private static void trackHikari(String name, HikariDataSource hikari, MeterRegistry registry) {
        try {
            hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        } catch (IllegalStateException e) {
            LOG.debug("pool '{}' already has a HikariCP metrics tracker: {}", name, e.getMessage());
        }
    }
}
