package io.oxyde.bench;

import io.oxyde.bench.model.Note;
import io.oxyde.bench.setup.BenchSchema;
import io.oxyde.bench.setup.BenchTarget;
import io.oxyde.bench.variant.Variant;
import io.oxyde.bench.variant.Variants;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every database operation, for every variant on every database, in one JMH run (the
 * {@code db} and {@code variant} parameters line the results up). {@code oxyde-bench/run.sh} runs
 * it in one JVM per database and variant ({@code -f 0 -p db=... -p variant=...}), so no variant's
 * JIT profile leaks into another's; run directly it forks per combination. Inputs rotate (ids, ranges) so no variant
 * benefits from a database cache the others miss; writes go to {@code note} (emptied after every
 * iteration) and {@code counter}, never to the read data. The operations are described in
 * {@link Variant} and {@code docs/performance.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class DbBench {

    @Param({"sqlite", "postgres", "mariadb"})
    public String db;

    @Param({"raw", "raw_async", "jooq", "hibernate", "oxyde_driver", "oxyde"})
    public String variant;

    private BenchTarget target;
    private Variant v;
    private long i;
    private final Note note = new Note(null, "one note", 7);
    private final List<Note> notes100 = Workload.notes(100);
    private final List<Note> notes1000 = Workload.notes(1000);
    private final List<Note> notes10000 = Workload.notes(10_000);

    @Setup(Level.Trial)
    public void open() {
        target = BenchTarget.local(db);
        BenchSchema.ensure(target);
        v = Variants.open(variant, target);
    }

    @TearDown(Level.Iteration)
    public void clearNotes() {
        BenchSchema.clearNotes(target);
    }

    @TearDown(Level.Trial)
    public void close() {
        v.close();
    }

    @Benchmark
    public Object selectById() {
        return v.byId(Workload.trackId(i++));
    }

    @Benchmark
    public Object filter10() {
        return v.range(Workload.rangeStart(i++, 10), 10);
    }

    @Benchmark
    public Object filter100() {
        return v.range(Workload.rangeStart(i++, 100), 100);
    }

    @Benchmark
    public Object filter1000() {
        return v.range(Workload.rangeStart(i++, 1000), 1000);
    }

    @Benchmark
    public Object in50() {
        return v.byIds(Workload.fiftyIds(i++));
    }

    @Benchmark
    public Object orderLimit() {
        return v.longest(Workload.LONG_MS + (int) (i++ % 1000), Workload.LIMIT);
    }

    @Benchmark
    public long count() {
        return v.countLonger(Workload.LONG_MS + (int) (i++ % 1000));
    }

    @Benchmark
    public Object groupBy() {
        return v.statsPerAlbum(Workload.STATS_ALBUMS + (i++ % 5));
    }

    @Benchmark
    public Object join() {
        return v.rangeWithAlbum(Workload.rangeStart(i++, Workload.JOIN_ROWS), Workload.JOIN_ROWS);
    }

    @Benchmark
    public Object prefetch() {
        return v.albumsWithTracks(Workload.albumStart(i++, Workload.PREFETCH_ALBUMS), Workload.PREFETCH_ALBUMS);
    }

    @Benchmark
    public long insertOne() {
        return v.insertOne(note);
    }

    @Benchmark
    public int bulkInsert100() {
        return v.bulkInsert(notes100);
    }

    @Benchmark
    public int bulkInsert1000() {
        return v.bulkInsert(notes1000);
    }

    @Benchmark
    public int bulkInsert10000() {
        return v.bulkInsert(notes10000);
    }

    @Benchmark
    public int updateOne() {
        long k = i++;
        return v.updateOne(1 + (k % BenchSchema.COUNTERS), (int) k);
    }

    @Benchmark
    public int updateFilter() {
        long k = i++;
        return v.updateBucket((int) (k % 100), (int) k);
    }

    @Benchmark
    public int deleteOne() {
        return v.insertThenDelete(note);
    }

    @Benchmark
    public Object concurrent10() {
        return v.concurrentById(Workload.concurrentIds(i++, 10));
    }

    @Benchmark
    public Object concurrent100() {
        return v.concurrentById(Workload.concurrentIds(i++, 100));
    }
}
