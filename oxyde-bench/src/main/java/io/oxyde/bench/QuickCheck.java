package io.oxyde.bench;

import io.oxyde.bench.setup.BenchSchema;
import io.oxyde.bench.setup.BenchTarget;
import io.oxyde.bench.variant.Variant;
import io.oxyde.bench.variant.Variants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The suite's quick mode: every operation of {@link DbBench} once per variant on one database,
 * and a check that all variants returned the same data as raw JDBC ({@link Canon}). No timing:
 * it keeps the suite compiling and honest in the normal build ({@code QuickCheckTest}) and is
 * {@code BenchMain --quick}.
 */
public final class QuickCheck {

    /** The operations of {@link DbBench}, by benchmark method name, with fixed inputs. */
    public static final Map<String, Function<Variant, Object>> OPERATIONS = operations();

    private QuickCheck() {
    }

    private static Map<String, Function<Variant, Object>> operations() {
        Map<String, Function<Variant, Object>> ops = new LinkedHashMap<>();
        ops.put("selectById", v -> v.byId(Workload.trackId(3)));
        ops.put("filter10", v -> v.range(Workload.rangeStart(5, 10), 10));
        ops.put("filter100", v -> v.range(Workload.rangeStart(5, 100), 100));
        ops.put("filter1000", v -> v.range(Workload.rangeStart(5, 1000), 1000));
        ops.put("in50", v -> v.byIds(Workload.fiftyIds(7)));
        ops.put("orderLimit", v -> v.longest(Workload.LONG_MS, Workload.LIMIT));
        ops.put("count", v -> v.countLonger(Workload.LONG_MS));
        ops.put("groupBy", v -> v.statsPerAlbum(Workload.STATS_ALBUMS));
        ops.put("join", v -> v.rangeWithAlbum(Workload.rangeStart(9, Workload.JOIN_ROWS), Workload.JOIN_ROWS));
        ops.put("prefetch", v -> v.albumsWithTracks(Workload.albumStart(4, Workload.PREFETCH_ALBUMS),
                Workload.PREFETCH_ALBUMS));
        ops.put("insertOne", v -> v.insertOne(Workload.notes(1).get(0)) > 0 ? "key > 0" : "no key");
        ops.put("bulkInsert100", v -> v.bulkInsert(Workload.notes(100)));
        ops.put("bulkInsert1000", v -> v.bulkInsert(Workload.notes(1000)));
        ops.put("bulkInsert10000", v -> v.bulkInsert(Workload.notes(10_000)));
        ops.put("updateOne", v -> v.updateOne(17, 3));
        ops.put("updateFilter", v -> v.updateBucket(17, 3));
        ops.put("deleteOne", v -> v.insertThenDelete(Workload.notes(1).get(0)));
        ops.put("concurrent10", v -> v.concurrentById(Workload.concurrentIds(2, 10)));
        ops.put("concurrent100", v -> v.concurrentById(Workload.concurrentIds(2, 100)));
        return ops;
    }

    /**
     * Runs every operation once per variant on the target and returns the differences from raw
     * JDBC (empty when all agree). An operation that throws is a difference too.
     */
    public static List<String> run(BenchTarget target, List<String> variants) {
        BenchSchema.ensure(target);
        Map<String, Object> expected = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : variants) {
            try (Variant v = Variants.open(name, target)) {
                for (Map.Entry<String, Function<Variant, Object>> op : OPERATIONS.entrySet()) {
                    Object got;
                    try {
                        got = Canon.of(op.getValue().apply(v));
                    } catch (RuntimeException e) {
                        problems.add(target.database() + " " + name + " " + op.getKey() + " failed: " + e);
                        continue;
                    }
                    Object want = expected.putIfAbsent(op.getKey(), got);
                    if (want != null && !Objects.equals(want, got)) {
                        problems.add(target.database() + " " + name + " " + op.getKey() + " returned " + abbreviate(got)
                                + " but " + variants.get(0) + " returned " + abbreviate(want));
                    }
                }
            }
        }
        BenchSchema.clearNotes(target);
        return problems;
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
