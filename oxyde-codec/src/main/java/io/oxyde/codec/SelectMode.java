package io.oxyde.codec;

/**
 * What a select returns: its rows, only their count ({@code SELECT COUNT(*) FROM (…)}), or
 * whether any exists ({@code SELECT EXISTS(…)}).
 */
public enum SelectMode {
    ROWS("rows"),
    COUNT("count"),
    EXISTS("exists");

    private final String wireName;

    SelectMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SelectMode fromWireName(String name) {
        for (SelectMode m : values()) {
            if (m.wireName.equals(name)) {
                return m;
            }
        }
        return null;
    }
}
