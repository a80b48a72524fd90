package io.oxyde.query;

import static io.oxyde.codec.FilterNode.and;
import static io.oxyde.codec.FilterNode.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.codec.IrTemplate;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import io.oxyde.dialect.Dialect;

/** The plan cache: one jOOQ render per shape and dialect, bounded, correct under concurrency. */
class RenderCacheTest {

    static SelectIr users(long minAge, String status) {
        return SelectIr.from("users").columns("id", "name", "email", "age", "status", "created_at")
                .filter(and(condition("age", Lookup.GTE, Value.of(minAge)), condition("status", Lookup.EQ, Value.of(status))))
                .orderBy(OrderBy.desc("created_at")).limit(10L).build();
    }

    @Test
    void sameShapeWithOtherValuesRendersOnce() {
        SqlRenderer r = new SqlRenderer();
        RenderedQuery a = r.render(users(18, "active"), Dialect.POSTGRES);
        RenderedQuery b = r.render(users(21, "banned"), Dialect.POSTGRES);
        assertThat(r.stats().misses()).isEqualTo(1);
        assertThat(r.stats().hits()).isEqualTo(1);
        assertThat(r.stats().hitRate()).isEqualTo(0.5);
        assertThat(b.single().sql()).isEqualTo(a.single().sql());
        assertThat(a.single().binds()).containsExactly(Value.of(18L), Value.of("active"), Value.of(10L));
        assertThat(b.single().binds()).containsExactly(Value.of(21L), Value.of("banned"), Value.of(10L));
    }

    @Test
    void dialectsAreSeparateEntries() {
        SqlRenderer r = new SqlRenderer();
        for (Dialect d : Dialect.values()) {
            r.render(users(18, "active"), d);
        }
        assertThat(r.stats().misses()).isEqualTo(4);
        assertThat(r.stats().size()).isEqualTo(4);
        assertThat(r.render(users(1, "x"), Dialect.MYSQL).single().sql()).contains("`users`");
        assertThat(r.render(users(1, "x"), Dialect.POSTGRES).single().sql()).contains("\"users\"");
        assertThat(r.stats().hits()).isEqualTo(2);
    }

    @Test
    void evictionKeepsTheBound() {
        SqlRenderer r = new SqlRenderer(3);
        for (long limit = 1; limit <= 10; limit++) {
            r.render(users(18, "a").toBuilder().limit(limit).build(), Dialect.SQLITE);
        }
        assertThat(r.stats().size()).isEqualTo(3);
        assertThat(r.stats().capacity()).isEqualTo(3);
        // the newest plan is never the one evicted (eviction approximates least-recently-used)
        r.render(users(18, "a").toBuilder().limit(10L).build(), Dialect.SQLITE);
        assertThat(r.stats().hits()).isEqualTo(1);
        assertThat(r.stats().misses()).isEqualTo(10);
        assertThat(r.stats().size()).isEqualTo(3);
        assertThatThrownBy(() -> new SqlRenderer(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void planBindSkipsParameterizing() {
        SqlRenderer r = new SqlRenderer();
        IrTemplate.Parameterized p = IrTemplate.parameterize(users(30, "active"));
        RenderPlan plan = r.plan(p.template(), Dialect.MARIADB);
        assertThat(plan.slotCount()).isEqualTo(2);
        RenderedQuery q = plan.bind(List.of(Value.of(40L), Value.of("x")));
        assertThat(q.single().binds()).containsExactly(Value.of(40L), Value.of("x"), Value.of(10L));
        assertThatThrownBy(() -> plan.bind(List.of(Value.of(1L)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 slots but 1");
        assertThatThrownBy(() -> plan.bind(List.of(Value.of("1"), Value.of("x")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slot 0").hasMessageContaining("expects INT but got TEXT");
        assertThat(r.plan(p.template(), Dialect.MARIADB)).isSameAs(plan);
    }

    @Test
    void concurrentUseFromManyThreadsIsCorrect() throws Exception {
        SqlRenderer r = new SqlRenderer(64);
        SqlRenderer small = new SqlRenderer(5);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        Dialect d = Dialect.values()[(thread + i) % 4];
                        long limit = 1 + (i % 8);
                        long age = thread * 1000L + i;
                        String status = "s" + thread + "-" + i;
                        RenderedQuery q = r.render(users(age, status).toBuilder().limit(limit).build(), d);
                        RenderedQuery evicting = small.render(users(age, status).toBuilder().limit(limit).build(), d);
                        assertThat(evicting).isEqualTo(q);
                        assertThat(q.single().binds()).containsExactly(Value.of(age), Value.of(status), Value.of(limit));
                        assertThat(q.single().sql()).isEqualTo(new SqlRenderer()
                                .render(users(0, "").toBuilder().limit(limit).build(), d).single().sql());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        CacheStats s = r.stats();
        assertThat(s.hits() + s.misses()).isEqualTo(8 * 500);
        assertThat(s.size()).isEqualTo(32);
        assertThat(s.hitRate()).isGreaterThan(0.9);
        assertThat(small.stats().size()).isLessThanOrEqualTo(5);
        assertThat(small.stats().hits() + small.stats().misses()).isEqualTo(8 * 500);
    }
}
