package io.oxyde.codec;

/** Sort direction of an {@link OrderBy}; {@code RANDOM} ignores the column. */
public enum Direction {
    ASC("asc"),
    DESC("desc"),
    RANDOM("random");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Direction fromWireName(String name) {
        for (Direction d : values()) {
            if (d.wireName.equals(name)) {
                return d;
            }
        }
        return null;
    }
}
