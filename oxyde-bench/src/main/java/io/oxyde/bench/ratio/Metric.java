package io.oxyde.bench.ratio;

/**
 * What a ratio compares. Wall time is what the caller waits; process CPU time is the client's
 * own cost (all its threads, JIT and GC included), which differs from wall time where the
 * database server runs in another process (PostgreSQL, MariaDB) and on the concurrent operations.
 */
public enum Metric {
    WALL("Wall time"),
    CPU("Process CPU time");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    /** The heading of this metric's tables. */
    public String label() {
        return label;
    }

    /** Nanoseconds per operation in the block. */
    public double nanosPerOp(Sample s) {
        return (double) (this == WALL ? s.wallNanos() : s.cpuNanos()) / s.ops();
    }
}
