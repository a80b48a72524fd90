package io.oxyde.spring;

import io.oxyde.Oxyde;
import io.oxyde.driver.OxydeDriver;
import io.oxyde.driver.Pool;
import io.oxyde.driver.PoolStats;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of one Oxyde database for Spring Boot Actuator: UP when a {@code SELECT 1} goes through
 * Oxyde's own road (executor, pool, connection) within the timeout, with the pool's load as
 * details, so a saturated executor or an exhausted pool shows here and not only the database.
 */
public class OxydeHealthIndicator extends AbstractHealthIndicator {

    private final Oxyde db;
    private final Duration timeout;

    public OxydeHealthIndicator(Oxyde db, Duration timeout) {
        super("Oxyde health check failed");
        this.db = db;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Pool pool = OxydeDriver.global().pools().get(db.name());
        builder.withDetail("database", db.name()).withDetail("dialect", db.dialect().name())
                .withDetail("url", pool.redactedUrl());
        db.raw("SELECT 1").all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        PoolStats s = pool.stats();
        builder.up().withDetail("activeConnections", s.activeConnections())
                .withDetail("idleConnections", s.idleConnections())
                .withDetail("maxConnections", pool.maxConnections())
                .withDetail("queuedTasks", s.queuedTasks())
                .withDetail("openTransactions", s.openTransactions());
    }
}
