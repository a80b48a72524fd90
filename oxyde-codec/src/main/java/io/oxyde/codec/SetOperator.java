package io.oxyde.codec;

/**
 * How a {@link SetOperation} combines two selects. The dialects disagree on the precedence of
 * INTERSECT over UNION and EXCEPT, so a query's set operations are either all UNION / UNION
 * ALL, or all one of INTERSECT or EXCEPT (applied left to right).
 */
public enum SetOperator {
    UNION("union"),
    UNION_ALL("union_all"),
    /** Since protocol revision 1.1. */
    INTERSECT("intersect"),
    /** Since protocol revision 1.1. */
    EXCEPT("except");

    private final String wireName;

    SetOperator(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether this operator may follow {@code previous} in one query (see the class comment). */
    public boolean combinesWith(SetOperator previous) {
        boolean union = this == UNION || this == UNION_ALL;
        return union ? previous == UNION || previous == UNION_ALL : previous == this;
    }

    public static SetOperator fromWireName(String name) {
        for (SetOperator o : values()) {
            if (o.wireName.equals(name)) {
                return o;
            }
        }
        return null;
    }
}
