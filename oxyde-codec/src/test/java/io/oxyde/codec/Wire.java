package io.oxyde.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Builds MessagePack by hand, to write messages the encoder never would. Java objects map to
 * MessagePack: Map → map (in insertion order), List → array, String → str, Number → int,
 * Double → float64, Boolean → bool, null → nil, byte[] → bin, {@link Ext} → ext,
 * {@link Raw} → the bytes as they are.
 */
final class Wire {

    private Wire() {
    }

    record Ext(int type, byte[] payload) {
    }

    record Raw(byte[] bytes) {
    }

    /** A parameter slot of a shape. */
    static Ext param(int index, ValueKind kind) {
        return new Ext(16, new byte[] {(byte) (index >>> 16), (byte) (index >>> 8), (byte) index, (byte) kind.tag()});
    }

    /** An insertion-ordered map from alternating keys and values. */
    static Map<Object, Object> map(Object... kv) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... items) {
        return Arrays.asList(items);
    }

    /** A query message {@code [1, bin(shape), values]}. */
    static byte[] query(Object shape, Object... values) {
        return pack(list(1, pack(shape), list(values)));
    }

    static byte[] pack(Object o) {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            write(p, o);
            return p.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void write(MessagePacker p, Object o) throws IOException {
        if (o == null) {
            p.packNil();
        } else if (o instanceof Map<?, ?> m) {
            p.packMapHeader(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                write(p, e.getKey());
                write(p, e.getValue());
            }
        } else if (o instanceof List<?> l) {
            p.packArrayHeader(l.size());
            for (Object x : l) {
                write(p, x);
            }
        } else if (o instanceof String s) {
            p.packString(s);
        } else if (o instanceof Double d) {
            p.packDouble(d);
        } else if (o instanceof Number n) {
            p.packLong(n.longValue());
        } else if (o instanceof Boolean b) {
            p.packBoolean(b);
        } else if (o instanceof byte[] b) {
            p.packBinaryHeader(b.length);
            p.writePayload(b);
        } else if (o instanceof Ext e) {
            p.packExtensionTypeHeader((byte) e.type(), e.payload().length);
            p.writePayload(e.payload());
        } else if (o instanceof Raw r) {
            p.writePayload(r.bytes());
        } else {
            throw new IllegalArgumentException(o.getClass().getName());
        }
    }
}
