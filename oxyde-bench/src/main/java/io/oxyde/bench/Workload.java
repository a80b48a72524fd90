package io.oxyde.bench;

import io.oxyde.bench.model.Note;
import io.oxyde.bench.setup.BenchSchema;
import java.util.ArrayList;
import java.util.List;

/** The inputs of the operations, shared by the JMH benchmark and the quick check. */
public final class Workload {

    private Workload() {
    }

    /** Tracks returned by the join operation. */
    public static final int JOIN_ROWS = 100;
    /** Albums read by the prefetch operation (with about 100 tracks). */
    public static final int PREFETCH_ALBUMS = 10;
    /** Minimum length for the order+limit and count operations (matches 365 tracks). */
    public static final int LONG_MS = 400_000;
    /** Limit of the order+limit operation. */
    public static final int LIMIT = 10;
    /** Albums of the group-by operation. */
    public static final long STATS_ALBUMS = 20;

    /** The i-th track id of a rotation over all tracks. */
    public static long trackId(long i) {
        return 1 + Math.floorMod(i * 7919, BenchSchema.TRACKS);
    }

    /** The i-th start of a range of n tracks. */
    public static long rangeStart(long i, int n) {
        return 1 + Math.floorMod(i * 131, BenchSchema.TRACKS - n + 1);
    }

    /** The i-th start of a range of n albums. */
    public static long albumStart(long i, int n) {
        return 1 + Math.floorMod(i * 13, BenchSchema.ALBUMS - n + 1);
    }

    /** 50 distinct track ids spread over the table, shifted by i. */
    public static List<Long> fiftyIds(long i) {
        List<Long> ids = new ArrayList<>(50);
        long shift = Math.floorMod(i, 60);
        for (int k = 0; k < 50; k++) {
            ids.add(1 + shift + k * 70L);
        }
        return ids;
    }

    /** n track ids for the concurrent reads. */
    public static long[] concurrentIds(long i, int n) {
        long[] ids = new long[n];
        for (int k = 0; k < n; k++) {
            ids[k] = trackId(i * n + k);
        }
        return ids;
    }

    /** n notes to insert. */
    public static List<Note> notes(int n) {
        List<Note> notes = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            notes.add(new Note(null, "note " + k, k % 1000));
        }
        return List.copyOf(notes);
    }
}
