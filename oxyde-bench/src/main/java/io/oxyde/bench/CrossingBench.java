package io.oxyde.bench;

import io.oxyde.Oxyde;
import io.oxyde.bench.model.Track;
import io.oxyde.codec.SelectIr;
import io.oxyde.driver.DatabaseUrl;
import io.oxyde.driver.PoolSettings;
import io.oxyde.driver.internal.ManagedPool;
import io.oxyde.internal.ir.IrMessages;
import io.oxyde.query.SqlRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * The protocol crossing of a primary-key select ({@code objects(Track).get("id", x)}), without
 * the database: the API's side ({@link IrMessages#encode}: split the values off the query, find
 * the kept shape, write the message) and the driver's side ({@link ManagedPool#bindMessage}:
 * read the message, find the plan by its shape bytes, check and bind the values), each alone
 * and both in turn. The budget for the whole crossing is 1 µs; {@code -prof gc} gives
 * its allocation. The queries are built in set-up (1,024 of them, different keys), so building
 * the query tree is not counted here (that is {@code MicroBench.irBuildPk}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CrossingBench {

    private static final int QUERIES = 1024;

    private Path file;
    private Oxyde db;
    private ManagedPool pool;
    private final SelectIr[] queries = new SelectIr[QUERIES];
    private final byte[][] messages = new byte[QUERIES][];
    private int i;

    @Setup(Level.Trial)
    public void open() throws Exception {
        file = Files.createTempFile("oxyde_crossing", ".db");
        db = Oxyde.connect("crossing", "sqlite:" + file, PoolSettings.builder().maxConnections(1).build());
        pool = new ManagedPool("crossing_driver", DatabaseUrl.parse("sqlite:" + file),
                PoolSettings.builder().maxConnections(1).build(), new SqlRenderer());
        for (int k = 0; k < QUERIES; k++) {
            queries[k] = db.objects(Track.class).filter("id", (long) k + 1).toIr();
            messages[k] = IrMessages.encode(queries[k], "crossing");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        pool.close();
        db.close();
        Files.deleteIfExists(file);
    }

    /** The API's side: the message for a PK select whose shape was seen before. */
    @Benchmark
    public byte[] apiEncode() {
        return IrMessages.encode(queries[i++ & (QUERIES - 1)], "crossing");
    }

    /** The driver's side: read the message, find the plan by its shape, bind the values. */
    @Benchmark
    public ManagedPool.BoundMessage driverBind() {
        return pool.bindMessage(messages[i++ & (QUERIES - 1)]);
    }

    /** The whole crossing: encode in the API, then read and bind in the driver. */
    @Benchmark
    public ManagedPool.BoundMessage crossing() {
        return pool.bindMessage(IrMessages.encode(queries[i++ & (QUERIES - 1)], "crossing"));
    }
}
