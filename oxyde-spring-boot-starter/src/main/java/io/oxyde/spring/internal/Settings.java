package io.oxyde.spring.internal;

import io.oxyde.driver.PoolSettings;
import io.oxyde.spring.OxydeProperties;
import java.util.Map;

/** {@code oxyde.pool.*} properties to {@link PoolSettings}: only what is set overrides a default. */
public final class Settings {

    private Settings() {
    }

    public static PoolSettings of(OxydeProperties.Pool p) {
        PoolSettings.Builder b = PoolSettings.builder();
        if (p.getMaxConnections() != null) {
            b.maxConnections(p.getMaxConnections());
        }
        if (p.getMinConnections() != null) {
            b.minConnections(p.getMinConnections());
        }
        if (p.getAcquireTimeout() != null) {
            b.acquireTimeout(p.getAcquireTimeout());
        }
        if (p.getIdleTimeout() != null) {
            b.idleTimeout(p.getIdleTimeout());
        }
        if (p.getMaxLifetime() != null) {
            b.maxLifetime(p.getMaxLifetime());
        }
        if (p.getStatementTimeout() != null) {
            b.statementTimeout(p.getStatementTimeout());
        }
        if (p.getTransactionTimeout() != null) {
            b.transactionTimeout(p.getTransactionTimeout());
        }
        if (p.getMaxQueuedTasks() != null) {
            b.maxQueuedTasks(p.getMaxQueuedTasks());
        }
        if (p.getMaxResultRows() != null) {
            b.maxResultRows(p.getMaxResultRows());
        }
        for (Map.Entry<String, String> e : p.getDriverProperties().entrySet()) {
            b.driverProperty(e.getKey(), e.getValue());
        }
        return b.build();
    }
}
