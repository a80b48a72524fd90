package io.oxyde.reliability;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.Oxyde;
import io.oxyde.driver.PoolSettings;
import io.oxyde.reliability.Models.Item;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mixed reads and writes through the API from many concurrent callers against a pool of 10:
 * no errors, no lost or doubled write, no growth of threads or heap beyond a stated bound,
 * latency percentiles printed. Each caller is an asynchronous loop (the next call starts when
 * the previous one completes), the way an async service uses the library.
 *
 * <p>The default build runs {@code oxyde.soak.callers} = 200 callers for
 * {@code oxyde.soak.seconds} = 6 s per database; {@code -Psoak} runs 1,000 callers for 180 s.
 * Results of a soak run are in {@code docs/reliability.md}.
 */
class SoakTest {

    private static final int SECONDS = Integer.getInteger("oxyde.soak.seconds", 6);
    private static final int CALLERS = Integer.getInteger("oxyde.soak.callers", 200);
    private static final int ROWS = 1_000;
    /** Bounds checked at the end, measured against the state after warm-up. */
    private static final int MAX_THREAD_GROWTH = 8;
    private static final long MAX_HEAP_GROWTH_BYTES = 96L << 20;

    private enum Op { GET, RANGE, COUNT, INCREMENT, CREATE }

    /** One caller's latencies in microseconds, per operation; only its own loop writes them. */
    static final class Latencies {
        final int[][] micros = new int[Op.values().length][1024];
        final int[] size = new int[Op.values().length];

        void add(Op op, long nanos) {
            int i = op.ordinal();
            if (size[i] == micros[i].length) {
                micros[i] = Arrays.copyOf(micros[i], size[i] * 2);
            }
            micros[i][size[i]++] = (int) Math.min(Integer.MAX_VALUE, nanos / 1_000);
        }
    }

    @AllDatabases
    void mixedLoadFromManyCallersOnAPoolOfTen(TestDatabase tdb) throws Exception {
        ConflictRetryTest.exec(tdb,
                "CREATE TABLE item (id BIGINT PRIMARY KEY, code VARCHAR(40) NOT NULL UNIQUE, n BIGINT NOT NULL)");
        StringBuilder seed = new StringBuilder("INSERT INTO item (id, code, n) VALUES ");
        for (int i = 1; i <= ROWS; i++) {
            seed.append(i == 1 ? "" : ", ").append('(').append(i).append(", 'seed-").append(i).append("', 0)");
        }
        ConflictRetryTest.exec(tdb, seed.toString());
        PoolSettings settings = PoolSettings.builder().maxConnections(10).acquireTimeout(java.time.Duration.ofSeconds(60))
                .build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Oxyde db = Models.open(tdb, settings)) {
            // warm up: classes, JIT, every connection
            run(db, Math.min(CALLERS, 100), 2, new AtomicLong(), new AtomicLong(), new AtomicLong(ROWS + 1L),
                    new ConcurrentLinkedQueue<>());
            long baseSum = await(db.objects(Item.class).sum("n")).longValue();
            long baseCount = await(db.objects(Item.class).count());
            System.gc();
            long heapBefore = usedHeap();
            int threadsBefore = threads.getThreadCount();

            AtomicLong increments = new AtomicLong();
            AtomicLong creates = new AtomicLong();
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            List<Latencies> all = run(db, CALLERS, SECONDS, increments, creates, new AtomicLong(10_000_000L), errors);
            double elapsed = (System.nanoTime() - start) / 1e9;
            int threadsAfter = threads.getThreadCount();
            System.gc();
            long heapAfter = usedHeap();

            assertThat(errors).as("errors (first: %s)", errors.peek()).isEmpty();
            // every acknowledged write is there exactly once
            assertThat(await(db.objects(Item.class).sum("n")).longValue()).isEqualTo(baseSum + increments.get());
            assertThat(await(db.objects(Item.class).count())).isEqualTo(baseCount + creates.get());
            assertThat(threadsAfter).as("threads").isLessThanOrEqualTo(threadsBefore + MAX_THREAD_GROWTH);
            assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(MAX_HEAP_GROWTH_BYTES);

            long total = 0;
            StringBuilder report = new StringBuilder();
            for (Op op : Op.values()) {
                int n = 0;
                for (Latencies l : all) {
                    n += l.size[op.ordinal()];
                }
                int[] merged = new int[n];
                int at = 0;
                for (Latencies l : all) {
                    System.arraycopy(l.micros[op.ordinal()], 0, merged, at, l.size[op.ordinal()]);
                    at += l.size[op.ordinal()];
                }
                Arrays.sort(merged);
                total += n;
                report.append(String.format("%n  %-9s n=%d p50=%.1fms p90=%.1fms p99=%.1fms p99.9=%.1fms max=%.1fms", op, n,
                        pct(merged, 50), pct(merged, 90), pct(merged, 99), pct(merged, 99.9), pct(merged, 100)));
            }
            assertThat(total).isPositive();
            System.out.printf("RELIABILITY soak %s: %d callers, pool 10, %.0f s, %d operations (%.0f/s), 0 errors,"
                            + " threads %d -> %d, heap after GC %d MB -> %d MB%s%n",
                    tdb.kind(), CALLERS, elapsed, total, total / elapsed, threadsBefore, threadsAfter,
                    heapBefore >> 20, heapAfter >> 20, report);
        }
    }

    private static double pct(int[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Runs {@code callers} asynchronous loops for {@code seconds}; returns their latencies. */
    private static List<Latencies> run(Oxyde db, int callers, int seconds, AtomicLong increments, AtomicLong creates,
                                       AtomicLong nextId, ConcurrentLinkedQueue<Throwable> errors) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Latencies> all = new ArrayList<>();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            Latencies l = new Latencies();
            all.add(l);
            CompletableFuture<Void> done = new CompletableFuture<>();
            loops.add(done);
            next(db, l, deadline, increments, creates, nextId, errors, done);
        }
        CompletableFuture.allOf(loops.toArray(new CompletableFuture[0])).get(seconds + 120L, TimeUnit.SECONDS);
        return all;
    }

    private static void next(Oxyde db, Latencies l, long deadline, AtomicLong increments, AtomicLong creates,
                             AtomicLong nextId, ConcurrentLinkedQueue<Throwable> errors, CompletableFuture<Void> done) {
        if (System.nanoTime() > deadline) {
            done.complete(null);
            return;
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int dice = r.nextInt(100);
        long key = 1 + r.nextInt(ROWS);
        Op op;
        CompletableFuture<?> f;
        if (dice < 45) {
            op = Op.GET;
            f = db.objects(Item.class).filter("id", key).first();
        } else if (dice < 65) {
            op = Op.RANGE;
            f = db.objects(Item.class).filter("id__gte", key).orderBy("id").limit(10).all();
        } else if (dice < 70) {
            op = Op.COUNT;
            f = db.objects(Item.class).filter("n__gt", 0).count();
        } else if (dice < 92) {
            op = Op.INCREMENT;
            f = db.objects(Item.class).filter("id", key).increment("n", 1).thenApply(n -> {
                if (n != 1) {
                    throw new IllegalStateException("increment of row " + key + " changed " + n + " rows");
                }
                increments.incrementAndGet();
                return n;
            });
        } else {
            op = Op.CREATE;
            long id = nextId.incrementAndGet();
            f = db.objects(Item.class).create(new Item(id, "soak-" + id, 0L)).thenApply(i -> creates.incrementAndGet());
        }
        long t0 = System.nanoTime();
        f.whenComplete((v, e) -> {
            l.add(op, System.nanoTime() - t0);
            if (e != null) {
                errors.add(e);
            }
            next(db, l, deadline, increments, creates, nextId, errors, done);
        });
    }
}
