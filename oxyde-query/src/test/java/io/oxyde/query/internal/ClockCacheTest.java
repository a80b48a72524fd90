package io.oxyde.query.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan cache's bound, its approximation of least-recently-used, and its counters. */
class ClockCacheTest {

    @Test
    void aHitReturnsTheComputedValueWithoutComputingAgain() {
        ClockCache<String, String> cache = new ClockCache<>(4);
        AtomicInteger computed = new AtomicInteger();
        assertThat(cache.get("a", k -> k + computed.incrementAndGet())).isEqualTo("a1");
        assertThat(cache.get("a", k -> k + computed.incrementAndGet())).isEqualTo("a1");
        assertThat(computed).hasValue(1);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void theSizeStaysWithinTheCapacityAndRecentlyUsedEntriesSurvive() {
        ClockCache<Integer, Integer> cache = new ClockCache<>(8);
        for (int i = 0; i < 8; i++) {
            cache.get(i, k -> k);
        }
        // one sweep clears every flag; entries used after it survive the next eviction
        cache.get(100, k -> k);
        assertThat(cache.size()).isLessThanOrEqualTo(8);
        AtomicInteger recomputed = new AtomicInteger();
        for (int round = 0; round < 50; round++) {
            cache.get(7, k -> { recomputed.incrementAndGet(); return k; }); // the hot key
            cache.get(1000 + round, k -> k);                                    // a stream of cold keys
            assertThat(cache.size()).isLessThanOrEqualTo(8);
        }
        assertThat(recomputed.get()).as("a key used between sweeps is never evicted").isLessThanOrEqualTo(1);
    }

    @Test
    void concurrentReadersAllSeeOneValuePerKey() throws Exception {
        ClockCache<Integer, Integer> cache = new ClockCache<>(64);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            results.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 20_000; i++) {
                    int key = i % 100;
                    if (cache.get(key, k -> k * 2) != key * 2) {
                        return false;
                    }
                }
                return true;
            }));
        }
        start.countDown();
        for (Future<Boolean> r : results) {
            assertThat(r.get(60, TimeUnit.SECONDS)).isTrue();
        }
        pool.shutdown();
        assertThat(cache.size()).isLessThanOrEqualTo(64 + 8); // at most one overshoot per racing thread
        assertThat(cache.hits() + cache.misses()).isEqualTo(8 * 20_000L);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new ClockCache<String, String>(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
