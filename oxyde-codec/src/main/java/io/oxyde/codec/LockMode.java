package io.oxyde.codec;

/** Row locking of a select: FOR UPDATE or FOR SHARE. */
public enum LockMode {
    UPDATE("update"),
    SHARE("share");

    private final String wireName;

    LockMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static LockMode fromWireName(String name) {
        for (LockMode m : values()) {
            if (m.wireName.equals(name)) {
                return m;
            }
        }
        return null;
    }
}
