package io.oxyde.driver;

import com.zaxxer.hikari.HikariDataSource;
import io.oxyde.query.CacheStats;
import io.oxyde.dialect.Dialect;
import java.util.Optional;

/**
 * A named, open connection pool as the registry hands it out: what it points at and how busy
 * it is. Work is submitted through {@link OxydeDriver} by pool name.
 */
public interface Pool {

    /** The name it is registered under. */
    String name();

    /** The SQL dialect, detected from the server for {@code mysql://} URLs (MySQL or MariaDB). */
    Dialect dialect();

    /** The JDBC URL with any password hidden. */
    String redactedUrl();

    /** The settings it was opened with. */
    PoolSettings settings();

    /** The maximum number of connections it opens. */
    int maxConnections();

    /** A snapshot of its connections and queues. */
    PoolStats stats();

    /** A snapshot of its executor lanes: threads, queue depths and rejections. */
    ExecutorStats executorStats();

    /**
     * Its render-plan cache, keyed by the shape of the IR messages: how often a message's shape
     * was found already rendered (a low hit rate means queries keep changing shape, each
     * costing a jOOQ render).
     */
    CacheStats planCacheStats();

    /**
     * The HikariCP pool Oxyde opened for this pool from a URL, for instrumentation (e.g.
     * HikariCP's own metrics tracker); empty for an application's DataSource, whose owner
     * configures and instruments it. Do not reconfigure or close it.
     */
    Optional<HikariDataSource> ownedHikariPool();
}
