package io.oxyde.codec;

/** The aggregate functions an {@link Aggregate} can apply. */
public enum AggregateFunction {
    COUNT("count"),
    SUM("sum"),
    AVG("avg"),
    MIN("min"),
    MAX("max");

    private final String wireName;

    AggregateFunction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AggregateFunction fromWireName(String name) {
        for (AggregateFunction f : values()) {
            if (f.wireName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
