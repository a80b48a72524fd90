package io.oxyde.codec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The cache key of a query's shape: the exact bytes of its template on the wire, with the
 * hash computed once.
 *
 * <p>Two queries that differ only in their values have equal keys, so a receiver can look up
 * the rendered SQL, bind plan and row decoder of a shape without decoding it; a different
 * operator, a NULL where there was a value, or an IN list of another length gives another
 * key. Obtain one from {@link WireQuery#shape()} (receiving bytes) or
 * {@link IrCodec#shapeOf(QueryIr)} (in process); both give equal keys for the same query.
 */
public final class ShapeKey {

    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final int hash;

    /** Takes ownership of {@code bytes}: callers pass a private copy. */
    ShapeKey(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    /**
     * A key viewing {@code bytes[offset, offset + length)}: a received message's shape, looked up
     * without copying it out of the message. {@link #compact()} before keeping it.
     */
    ShapeKey(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        int h = 1;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + bytes[i]; // Arrays.hashCode of the range
        }
        this.hash = h;
    }

    /**
     * This key on bytes of its own: itself if it has them, else a copy of the viewed range (so
     * that a key kept in a cache does not hold the whole message it was read from).
     */
    public ShapeKey compact() {
        return offset == 0 && length == bytes.length ? this
                : new ShapeKey(Arrays.copyOfRange(bytes, offset, offset + length), 0, length);
    }

    /** The length of the shape in bytes. */
    public int size() {
        return length;
    }

    /** A copy of the shape bytes (a MessagePack map, see {@code docs/protocol.md}). */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    /** The array holding the shape bytes from {@link #offset()} for {@link #size()}, for the codec only. */
    byte[] bytes() {
        return bytes;
    }

    /** Where the shape starts in {@link #bytes()}. */
    int offset() {
        return offset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShapeKey other && other.hash == hash
                && Arrays.equals(other.bytes, other.offset, other.offset + other.length, bytes, offset, offset + length);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(bytes, offset, offset + Math.min(length, 32));
        return "ShapeKey[" + length + " bytes: " + hex + (length > 32 ? "…" : "") + "]";
    }
}
