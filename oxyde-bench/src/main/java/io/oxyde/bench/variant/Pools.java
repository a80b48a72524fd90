package io.oxyde.bench.variant;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.oxyde.bench.setup.BenchTarget;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The HikariCP pool and worker threads the JDBC-based variants share in shape (one each per variant instance). */
final class Pools {

    private Pools() {
    }

    /** A HikariCP pool of {@link BenchTarget#POOL_SIZE} connections, all opened up front, auto-commit on. */
    static HikariDataSource hikari(BenchTarget target, String name) {
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("bench-" + name);
        cfg.setJdbcUrl(target.jdbcUrl());
        if (target.user() != null) {
            cfg.setUsername(target.user());
        }
        if (target.password() != null) {
            cfg.setPassword(target.password());
        }
        cfg.setDataSourceProperties(target.driverProperties());
        cfg.setMaximumPoolSize(BenchTarget.POOL_SIZE);
        cfg.setMinimumIdle(BenchTarget.POOL_SIZE);
        cfg.setAutoCommit(true);
        return new HikariDataSource(cfg);
    }

    /**
     * A bounded executor sized to the pool: what an async API needs to keep blocking JDBC off the
     * caller's thread, and what the blocking variants use to run the concurrent operations.
     */
    static ThreadPoolExecutor workers(String name) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor tpe = new ThreadPoolExecutor(BenchTarget.POOL_SIZE, BenchTarget.POOL_SIZE, 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        tpe.prestartAllCoreThreads();
        return tpe;
    }
}
