package io.oxyde.spring.internal;

import io.oxyde.driver.PoolSettings;
import io.oxyde.spring.OxydeProperties;
import java.util.function.Consumer;

/** {@code oxyde.pool.*} properties to {@link PoolSettings}: only what is set overrides a default. */
final class Settings {

    private Settings() {
    }

    public static PoolSettings of(OxydeProperties.Pool p) {
        PoolSettings.Builder b = PoolSettings.builder();
        ifSet(p.getMaxConnections(), b::maxConnections);
        ifSet(p.getMinConnections(), b::minConnections);
        ifSet(p.getAcquireTimeout(), b::acquireTimeout);
        ifSet(p.getIdleTimeout(), b::idleTimeout);
        ifSet(p.getMaxLifetime(), b::maxLifetime);
        ifSet(p.getStatementTimeout(), b::statementTimeout);
        ifSet(p.getTransactionTimeout(), b::transactionTimeout);
        ifSet(p.getMaxQueuedTasks(), b::maxQueuedTasks);
        ifSet(p.getMaxResultRows(), b::maxResultRows);
        p.getDriverProperties().forEach(b::driverProperty);
        return b.build();
    }

    private static <T> void ifSet(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
