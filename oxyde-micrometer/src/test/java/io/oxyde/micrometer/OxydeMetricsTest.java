package io.oxyde.micrometer;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.oxyde.migration.Migrations;
import io.oxyde.Oxyde;
import io.oxyde.exception.UniqueViolationException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Meters read back from a SimpleMeterRegistry after real statements on each database. */
class OxydeMetricsTest {

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final String STATEMENTS = "oxyde.statements";

    private static Oxyde migrated(TestDatabase tdb, String pool) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-metrics");
        Migrations.makeMigrations(List.of(Reading.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        return Oxyde.connect(pool, tdb.oxydeUrl());
    }

    @AllDatabases
    void statementsAreTimedByOperationModelAndOutcome(TestDatabase tdb) throws Exception {
        String pool = "metrics_" + POOLS.incrementAndGet();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Oxyde db = migrated(tdb, pool); OxydeMetrics metrics = new OxydeMetrics()) {
            metrics.bindTo(meters);
            Reading r = await(db.objects(Reading.class).create(new Reading(null, "t1", 20.5)));
            await(db.objects(Reading.class).create(new Reading(null, "t2", 21.0)));
            for (int i = 0; i < 3; i++) {
                assertThat(await(db.objects(Reading.class).filter("sensor", "t" + (i + 1)).all())).hasSizeLessThan(2);
            }
            assertThatThrownBy(() -> await(db.objects(Reading.class).create(new Reading(r.id(), "dup", 0))))
                    .isInstanceOf(UniqueViolationException.class);
            await(db.atomic(tx -> tx.objects(Reading.class).filter("sensor", "t2").delete()));

            Timer selects = meters.get(STATEMENTS).tags("pool", pool, "operation", "select",
                    "model", "Reading", "outcome", "success").timer();
            assertThat(selects.count()).isEqualTo(3);
            assertThat(selects.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
            assertThat(meters.get(STATEMENTS).tags("pool", pool, "operation", "insert", "outcome", "success")
                    .timer().count()).isEqualTo(2);
            assertThat(meters.get(STATEMENTS).tags("pool", pool, "operation", "insert", "outcome", "error",
                    "exception", "UniqueViolationException").timer().count()).isEqualTo(1);
            assertThat(meters.get(STATEMENTS).tags("pool", pool, "operation", "delete").timer().count())
                    .isEqualTo(1);
            List<String> tagValues = meters.get(STATEMENTS).tag("pool", pool).timers().stream()
                    .flatMap(t -> t.getId().getTags().stream()).map(t -> t.getValue()).distinct().toList();
            assertThat(tagValues).as("no value ever becomes a tag").doesNotContain("t1", "t2", "dup", "20.5");
        }
    }

    @AllDatabases
    void poolExecutorPlanCacheAndHikariMetersAreRegistered(TestDatabase tdb) throws Exception {
        String pool = "metrics_" + POOLS.incrementAndGet();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (OxydeMetrics metrics = new OxydeMetrics()) {
            metrics.bindTo(meters);
            try (Oxyde db = migrated(tdb, pool)) {
                for (int i = 0; i < 4; i++) {
                    await(db.objects(Reading.class).filter("sensor", "s" + i).count());
                }
                assertThat(meters.get("oxyde.executor.queued").tags("pool", pool, "lane", "statements").gauge().value())
                        .isZero();
                assertThat(meters.get("oxyde.executor.queued").tags("pool", pool, "lane", "transactions").gauge().value())
                        .isZero();
                assertThat(meters.get("oxyde.executor.queue.capacity").tag("pool", pool).gauge().value()).isEqualTo(10_000);
                assertThat(meters.get("oxyde.executor.rejected").tag("pool", pool).functionCounter().count()).isZero();
                assertThat(meters.get("oxyde.plan.cache.hits").tag("pool", pool).functionCounter().count())
                        .as("the same query shape three more times").isGreaterThanOrEqualTo(3);
                assertThat(meters.get("oxyde.plan.cache.hit.ratio").tag("pool", pool).gauge().value()).isBetween(0.0, 1.0).isPositive();
                assertThat(meters.get("oxyde.plan.cache.size").tag("pool", pool).gauge().value()).isPositive();
                Meter hikari = meters.get("hikaricp.connections").tag("pool", "oxyde-" + pool).gauge();
                assertThat(hikari.getId().getName()).isEqualTo("hikaricp.connections");
                assertThat(meters.get("hikaricp.connections.max").tag("pool", "oxyde-" + pool).gauge().value())
                        .isPositive();
            }
        }
    }
}
