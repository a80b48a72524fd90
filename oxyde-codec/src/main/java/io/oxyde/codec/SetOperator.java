package io.oxyde.codec;

/** How a {@link SetOperation} combines two selects. */
public enum SetOperator {
    UNION("union"),
    UNION_ALL("union_all");

    private final String wireName;

    SetOperator(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
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
