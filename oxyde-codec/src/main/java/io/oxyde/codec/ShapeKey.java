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
    private final int hash;

    /** Takes ownership of {@code bytes}: callers pass a private copy. */
    ShapeKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** The length of the shape in bytes. */
    public int size() {
        return bytes.length;
    }

    /** A copy of the shape bytes (a MessagePack map, see {@code docs/protocol.md}). */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The shape bytes themselves, for the codec only. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShapeKey other && other.hash == hash && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 32));
        return "ShapeKey[" + bytes.length + " bytes: " + hex + (bytes.length > 32 ? "…" : "") + "]";
    }
}
