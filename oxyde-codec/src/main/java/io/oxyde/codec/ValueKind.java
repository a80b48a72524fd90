package io.oxyde.codec;

/**
 * The kinds of {@link Value}, each with the small integer tag that identifies it on the wire.
 * Tags are part of the protocol: never renumber, only append.
 */
public enum ValueKind {
    NULL(0),
    BOOL(1),
    INT(2),
    FLOAT(3),
    DECIMAL(4),
    TEXT(5),
    BYTES(6),
    DATE(7),
    TIME(8),
    DATE_TIME(9),
    TIMESTAMP(10),
    UUID(11),
    JSON(12),
    ARRAY(13);

    private static final ValueKind[] BY_TAG = values();

    private final int tag;

    ValueKind(int tag) {
        this.tag = tag;
    }

    /** The wire tag. */
    public int tag() {
        return tag;
    }

    /** The kind with this tag, or {@code null} if the tag is unknown. */
    public static ValueKind fromTag(long tag) {
        return tag >= 0 && tag < BY_TAG.length ? BY_TAG[(int) tag] : null;
    }
}
