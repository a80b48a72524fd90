package io.oxyde.codec;

/**
 * The function of an {@link Expr.Window}, with the number of arguments it takes: ranking
 * functions take none, {@code lag}/{@code lead} the value (their row offset is the window's
 * structural {@code offset}, so that MariaDB, which wants a literal there, renders it inline),
 * the aggregates one ({@code count} none for {@code count(*)}). No default value for
 * {@code lag}/{@code lead}: MariaDB has no such argument, so a sender wraps the window in
 * {@code coalesce} instead. Since protocol revision 1.3.
 */
public enum WindowFunction {
    /** 1, 2, 3 … within the partition, in the window's order. */
    ROW_NUMBER("row_number", 0, 0),
    /** Rank with gaps after ties (1, 1, 3). */
    RANK("rank", 0, 0),
    /** Rank without gaps (1, 1, 2). */
    DENSE_RANK("dense_rank", 0, 0),
    /** The value {@code offset} rows before (NULL where there is none). */
    LAG("lag", 1, 1),
    /** The value {@code offset} rows after (NULL where there is none). */
    LEAD("lead", 1, 1),
    /** {@code count(*)} (no argument) or {@code count(x)} over the frame. */
    COUNT("count", 0, 1),
    SUM("sum", 1, 1),
    AVG("avg", 1, 1),
    MIN("min", 1, 1),
    MAX("max", 1, 1);

    private final String wireName;
    private final int minArgs;
    private final int maxArgs;

    WindowFunction(String wireName, int minArgs, int maxArgs) {
        this.wireName = wireName;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    public String wireName() {
        return wireName;
    }

    /** The fewest arguments it takes. */
    public int minArgs() {
        return minArgs;
    }

    /** The most arguments it takes. */
    public int maxArgs() {
        return maxArgs;
    }

    /** Whether it takes a row {@code offset} ({@code lag}, {@code lead}). */
    public boolean takesOffset() {
        return this == LAG || this == LEAD;
    }

    /** The function with this wire name, or {@code null}. */
    public static WindowFunction fromWireName(String name) {
        for (WindowFunction f : values()) {
            if (f.wireName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
