package io.oxyde.codec;

/** What an {@link OnConflict} does with a row that collides with an existing one. */
public enum ConflictAction {
    DO_NOTHING("nothing"),
    DO_UPDATE("update");

    private final String wireName;

    ConflictAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ConflictAction fromWireName(String name) {
        for (ConflictAction a : values()) {
            if (a.wireName.equals(name)) {
                return a;
            }
        }
        return null;
    }
}
