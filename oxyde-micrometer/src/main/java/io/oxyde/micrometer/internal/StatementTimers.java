package io.oxyde.micrometer.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.oxyde.driver.StatementEnd;
import io.oxyde.driver.StatementEvent;
import io.oxyde.driver.StatementObserver;
import io.oxyde.driver.StatementOutcome;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Records each statement in the timer {@code oxyde.statements}, tagged by pool, operation,
 * model, outcome and exception class: all from the statement's shape, never its values, so the
 * number of series stays bounded by the application's models. Timers are kept per tag set so
 * the hot path does no registry lookup.
 */
public final class StatementTimers implements StatementObserver {

    public static final String NAME = "oxyde.statements";

    private final MeterRegistry registry;
    private final Consumer<String> poolSeen;
    private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

    private record Key(String pool, String operation, String model, StatementOutcome outcome, Class<?> error) {
    }

    /** @param poolSeen told the pool name of every statement (to bind meters of pools opened later) */
    public StatementTimers(MeterRegistry registry, Consumer<String> poolSeen) {
        this.registry = registry;
        this.poolSeen = poolSeen;
    }

    @Override
    public void finished(StatementEvent s, Object context, StatementEnd end) {
        poolSeen.accept(s.pool());
        Key key = new Key(s.pool(), s.operation(), s.model(), end.outcome(),
                end.error() == null ? null : end.error().getClass());
        timers.computeIfAbsent(key, this::timer).record(end.durationNanos(), TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key k) {
        return Timer.builder(NAME)
                .description("Statements run by Oxyde: time on the worker thread, from start to result")
                .tag("pool", k.pool())
                .tag("operation", k.operation())
                .tag("model", k.model() == null ? "none" : k.model())
                .tag("outcome", k.outcome().tag())
                .tag("exception", k.error() == null ? "none" : k.error().getSimpleName())
                .register(registry);
    }
}
