package io.oxyde.bench;

import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.IrCodec;
import io.oxyde.codec.IrTemplate;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.ShapeKey;
import io.oxyde.codec.Value;
import io.oxyde.codec.WireQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The IR wire codec on the seed's example query and on a 100-row insert: full encode and
 * decode, the caching receiver's fast path (read shape key and values; bind them to a cached
 * template), the in-process shape key, and {@link IrTemplate#parameterize}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CodecBenchmark {

    SelectIr seed;
    byte[] seedBytes;
    QueryIr seedTemplate;
    InsertIr insert100;
    byte[] insert100Bytes;
    QueryIr insert100Template;

    /** The seed's example: {@code User.objects.filter(age__gte=18, status="active").order_by("-created_at").limit(10)}. */
    static SelectIr seedQuery() {
        return SelectIr.from("users")
                .model("myapp.models.User")
                .columns("id", "name", "email", "age", "status", "created_at")
                .filter(FilterNode.and(
                        FilterNode.condition("age", Lookup.GTE, Value.of(18)),
                        FilterNode.condition("status", Lookup.EQ, Value.of("active"))))
                .orderBy(OrderBy.desc("created_at"))
                .limit(10L)
                .build();
    }

    /** {@code bulk_create} of 100 users with four columns each. */
    static InsertIr insertQuery(int rows) {
        List<List<Value>> data = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            data.add(List.of(Value.of("user" + i), Value.of("user" + i + "@example.com"), Value.of(18 + i % 60),
                    Value.of(i % 2 == 0 ? "active" : "inactive")));
        }
        return new InsertIr("myapp.models.User", "users", List.of("name", "email", "age", "status"), data,
                List.of("id"), null);
    }

    @Setup
    public void setUp() {
        seed = seedQuery();
        seedBytes = IrCodec.encode(seed);
        seedTemplate = IrCodec.read(seedBytes).template();
        insert100 = insertQuery(100);
        insert100Bytes = IrCodec.encode(insert100);
        insert100Template = IrCodec.read(insert100Bytes).template();
    }

    @Benchmark
    public byte[] seedEncode() {
        return IrCodec.encode(seed);
    }

    @Benchmark
    public QueryIr seedDecode() {
        return IrCodec.decode(seedBytes);
    }

    /** Receiver fast path: shape key and values only. */
    @Benchmark
    public WireQuery seedRead() {
        WireQuery q = IrCodec.read(seedBytes);
        q.shape().hashCode();
        return q;
    }

    /** Receiver fast path plus binding the values to the template cached for the shape. */
    @Benchmark
    public QueryIr seedReadAndBindCached() {
        return IrCodec.read(seedBytes).bindTo(seedTemplate);
    }

    @Benchmark
    public ShapeKey seedShapeOf() {
        return IrCodec.shapeOf(seed);
    }

    @Benchmark
    public IrTemplate.Parameterized seedParameterize() {
        return IrTemplate.parameterize(seed);
    }

    @Benchmark
    public byte[] insert100Encode() {
        return IrCodec.encode(insert100);
    }

    @Benchmark
    public QueryIr insert100Decode() {
        return IrCodec.decode(insert100Bytes);
    }

    @Benchmark
    public WireQuery insert100Read() {
        WireQuery q = IrCodec.read(insert100Bytes);
        q.shape().hashCode();
        return q;
    }

    @Benchmark
    public QueryIr insert100ReadAndBindCached() {
        return IrCodec.read(insert100Bytes).bindTo(insert100Template);
    }

    @Benchmark
    public IrTemplate.Parameterized insert100Parameterize() {
        return IrTemplate.parameterize(insert100);
    }
}
