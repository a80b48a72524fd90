package io.oxyde.codec;

/**
 * How a {@link Join} is rendered: INNER for filter-only traversal (a row without the related
 * row cannot match anyway), LEFT for optional eager loading.
 */
public enum JoinKind {
    INNER("inner"),
    LEFT("left");

    private final String wireName;

    JoinKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static JoinKind fromWireName(String name) {
        for (JoinKind k : values()) {
            if (k.wireName.equals(name)) {
                return k;
            }
        }
        return null;
    }
}
