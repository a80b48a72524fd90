package io.oxyde.bench;

import io.oxyde.Oxyde;
import io.oxyde.bench.model.Track;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.driver.PoolSettings;
import io.oxyde.internal.mapping.ModelMapper;
import io.oxyde.internal.mapping.RowReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process costs under every database operation: building a query's IR through the API
 * (no database involved), hydrating rows of driver values into the {@link Track} record with the
 * API's {@link RowReader} (1, 100 and 1 000 rows; divide by rows for ns/row), two per-query costs
 * the API pays today (building that reader, formatting a filter as text), and the executor
 * hop of an async API alone ({@code supplyAsync} on a bounded pool, then {@code join}) next to
 * calling the same supplier directly.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@State(Scope.Benchmark)
public class MicroBench {

    private static final List<String> COLUMNS = List.of("id", "name", "album_id", "composer", "milliseconds", "bytes",
            "unit_price_cents");

    private Oxyde db;
    private Path file;
    private RowReader<Track> reader;
    private List<List<Value>> rows1;
    private List<List<Value>> rows100;
    private List<List<Value>> rows1000;
    private ThreadPoolExecutor executor;
    private final Supplier<Object> work = () -> this;
    private long i;

    @Setup(Level.Trial)
    public void open() throws Exception {
        file = Files.createTempFile("oxyde_micro", ".db");
        db = Oxyde.connect("micro", "sqlite:" + file, PoolSettings.builder().maxConnections(1).build());
        reader = ModelMapper.of(Track.class).reader(COLUMNS);
        rows1 = rows(1);
        rows100 = rows(100);
        rows1000 = rows(1000);
        executor = new ThreadPoolExecutor(8, 8, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000));
        executor.prestartAllCoreThreads();
    }

    private static List<List<Value>> rows(int n) {
        List<List<Value>> rows = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            rows.add(List.of(Value.of((long) k + 1), Value.of("Track " + k), Value.of(1 + k % 347L),
                    k % 3 == 0 ? Value.nullValue() : Value.of("Composer " + k), Value.of(200_000L + k),
                    Value.of(6_000_000L + k), Value.of(99L)));
        }
        return rows;
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        executor.shutdownNow();
        db.close();
        Files.deleteIfExists(file);
    }

    /** The IR of {@code objects(Track).filter(id__gte, a).filter(id__lt, b).orderBy(id)}, no database. */
    @Benchmark
    public SelectIr irBuild() {
        long a = i++ & 1023;
        return db.objects(Track.class).filter("id__gte", a).filter("id__lt", a + 100).orderBy("id").toIr();
    }

    /** The IR of {@code objects(Track).filter(id, x)} (what {@code get("id", x)} builds). */
    @Benchmark
    public SelectIr irBuildPk() {
        return db.objects(Track.class).filter("id", i++ & 1023).toIr();
    }

    /**
     * What {@code RowLoader.read} does before hydrating every result: ask {@code ModelMapper}
     * for the {@link RowReader} of the result's columns. Building one (a method-handle tree) was
     * a hot spot; readers are now cached per column list, so this measures the cache hit (see
     * docs/performance.md).
     */
    @Benchmark
    public RowReader<Track> readerBuild() {
        return ModelMapper.of(Track.class).reader(COLUMNS);
    }

    /** What {@code Query.get()} computes eagerly for its not-found message: the filter as text. */
    @Benchmark
    public String getErrorText() {
        return String.valueOf(FilterNode.condition("id", Lookup.EQ, Value.of(i++ & 1023)));
    }

    @Benchmark
    public Track hydrate1() {
        return reader.read(rows1.get(0));
    }

    @Benchmark
    public List<Track> hydrate100() {
        return reader.readAll(rows100);
    }

    @Benchmark
    public List<Track> hydrate1000() {
        return reader.readAll(rows1000);
    }

    @Benchmark
    public Object executorHop() {
        return CompletableFuture.supplyAsync(work, executor).join();
    }

    @Benchmark
    public Object direct() {
        return work.get();
    }
}
