package io.oxyde.bench;

import static io.oxyde.codec.FilterNode.and;
import static io.oxyde.codec.FilterNode.condition;

import io.oxyde.codec.IrTemplate;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.dialect.Dialect;
import io.oxyde.query.RenderPlan;
import io.oxyde.query.RenderedQuery;
import io.oxyde.query.SqlRenderer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the render cache saves: rendering the seed's example select through jOOQ on every call
 * ({@code uncached}) versus the cached path ({@code cached}: parameterize, look up, bind) and the
 * driver's path ({@code planBind}: template and values already decoded, bind only).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RenderBench {

    @Param({"POSTGRES", "SQLITE", "MYSQL", "MARIADB"})
    public String dialect;

    private Dialect d;
    private SelectIr ir;
    private SqlRenderer shared;
    private RenderPlan plan;
    private List<Value> values;

    /** select users (id, name, email, age, status, created_at) where age >= 18 and status = 'active' order by created_at desc limit 10. */
    static SelectIr example() {
        return SelectIr.from("users").columns("id", "name", "email", "age", "status", "created_at")
                .filter(and(condition("age", Lookup.GTE, Value.of(18)), condition("status", Lookup.EQ, Value.of("active"))))
                .orderBy(OrderBy.desc("created_at")).limit(10L).build();
    }

    @Setup
    public void setup() {
        d = Dialect.valueOf(dialect);
        ir = example();
        shared = new SqlRenderer();
        IrTemplate.Parameterized p = IrTemplate.parameterize(ir);
        plan = shared.plan(p.template(), d);
        values = p.values();
        shared.render(ir, d);
    }

    @Benchmark
    public RenderedQuery uncached() {
        return new SqlRenderer(1).render(ir, d);
    }

    @Benchmark
    public RenderedQuery cached() {
        return shared.render(ir, d);
    }

    @Benchmark
    public RenderedQuery planBind() {
        return plan.bind(values);
    }
}
