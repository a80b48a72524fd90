package io.oxyde.codec;

/** The operations of the IR, with the names they carry on the wire. */
public enum Operation {
    SELECT("select"),
    INSERT("insert"),
    UPDATE("update"),
    BULK_UPDATE("bulk_update"),
    DELETE("delete"),
    RAW("raw");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire and in error messages. */
    public String wireName() {
        return wireName;
    }

    /** The operation with this wire name, or {@code null} if there is none. */
    public static Operation fromWireName(String name) {
        for (Operation op : values()) {
            if (op.wireName.equals(name)) {
                return op;
            }
        }
        return null;
    }
}
