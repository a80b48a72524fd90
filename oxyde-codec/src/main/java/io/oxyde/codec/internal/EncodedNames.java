package io.oxyde.codec.internal;

import java.nio.charset.StandardCharsets;

/**
 * Map keys and enum names pre-encoded as complete MessagePack strings (header + UTF-8), so
 * the shape writer copies them instead of encoding the same few strings on every call.
 */
final class EncodedNames {

    private EncodedNames() {
    }

    /** The MessagePack {@code str} encoding of {@code s} (fixstr or str8; names are short). */
    static byte[] of(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 255) {
            throw new IllegalArgumentException("name too long: " + s);
        }
        int header = utf8.length < 32 ? 1 : 2;
        byte[] out = new byte[header + utf8.length];
        if (header == 1) {
            out[0] = (byte) (0xa0 | utf8.length);
        } else {
            out[0] = (byte) 0xd9;
            out[1] = (byte) utf8.length;
        }
        System.arraycopy(utf8, 0, out, header, utf8.length);
        return out;
    }

    /** The encodings of the wire names of an enum's constants, indexed by ordinal. */
    static byte[][] ofAll(String[] names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = of(names[i]);
        }
        return out;
    }
}
