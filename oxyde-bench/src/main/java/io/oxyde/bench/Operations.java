package io.oxyde.bench;

import io.oxyde.bench.model.Note;
import io.oxyde.bench.setup.BenchSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's database operations by {@link DbBench} method name, with the input rotations of
 * those methods, for the modes that pick operations by name: the quick check (one fixed input)
 * and the ratio mode (rotating inputs). {@link DbBench} spells each one out as a JMH method, which
 * keeps its primitive results unboxed. The notes to insert are built once, outside any timing.
 * An insert returns whether it got a key, not the key, which differs between variants.
 */
public final class Operations {

    private static final Note NOTE = new Note(null, "one note", 7);
    private static final List<Note> NOTES_100 = Workload.notes(100);
    private static final List<Note> NOTES_1000 = Workload.notes(1000);
    private static final List<Note> NOTES_10000 = Workload.notes(10_000);

    /** Every operation, in report order. */
    public static final Map<String, Operation> ALL = all();

    private Operations() {
    }

    private static Map<String, Operation> all() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("selectById", (v, i) -> v.byId(Workload.trackId(i)));
        ops.put("filter10", (v, i) -> v.range(Workload.rangeStart(i, 10), 10));
        ops.put("filter100", (v, i) -> v.range(Workload.rangeStart(i, 100), 100));
        ops.put("filter1000", (v, i) -> v.range(Workload.rangeStart(i, 1000), 1000));
        ops.put("in50", (v, i) -> v.byIds(Workload.fiftyIds(i)));
        ops.put("orderLimit", (v, i) -> v.longest(Workload.LONG_MS + (int) (i % 1000), Workload.LIMIT));
        ops.put("count", (v, i) -> v.countLonger(Workload.LONG_MS + (int) (i % 1000)));
        ops.put("groupBy", (v, i) -> v.statsPerAlbum(Workload.STATS_ALBUMS + (i % 5)));
        ops.put("join", (v, i) -> v.rangeWithAlbum(Workload.rangeStart(i, Workload.JOIN_ROWS), Workload.JOIN_ROWS));
        ops.put("prefetch", (v, i) -> v.albumsWithTracks(Workload.albumStart(i, Workload.PREFETCH_ALBUMS),
                Workload.PREFETCH_ALBUMS));
        ops.put("insertOne", (v, i) -> v.insertOne(NOTE) > 0 ? "key > 0" : "no key");
        ops.put("bulkInsert100", (v, i) -> v.bulkInsert(NOTES_100));
        ops.put("bulkInsert1000", (v, i) -> v.bulkInsert(NOTES_1000));
        ops.put("bulkInsert10000", (v, i) -> v.bulkInsert(NOTES_10000));
        ops.put("updateOne", (v, i) -> v.updateOne(1 + (i % BenchSchema.COUNTERS), (int) i));
        ops.put("updateFilter", (v, i) -> v.updateBucket((int) (i % 100), (int) i));
        ops.put("deleteOne", (v, i) -> v.insertThenDelete(NOTE));
        ops.put("concurrent10", (v, i) -> v.concurrentById(Workload.concurrentIds(i, 10)));
        ops.put("concurrent100", (v, i) -> v.concurrentById(Workload.concurrentIds(i, 100)));
        return Collections.unmodifiableMap(ops);
    }

    /** The named operations in the given order; an unknown name is an error that lists the known ones. */
    public static Map<String, Operation> named(List<String> names) {
        Map<String, Operation> ops = new LinkedHashMap<>();
        for (String name : names) {
            Operation op = ALL.get(name);
            if (op == null) {
                throw new IllegalArgumentException("unknown operation '" + name + "', expected some of " + ALL.keySet());
            }
            ops.put(name, op);
        }
        return ops;
    }
}
