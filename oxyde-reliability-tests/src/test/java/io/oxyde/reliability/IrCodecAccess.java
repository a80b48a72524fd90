package io.oxyde.reliability;

import io.oxyde.codec.IrCodec;
import io.oxyde.codec.RawIr;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Crafts IR messages the encoder would refuse (it validates first), the way a hostile or
 * buggy peer could send them: a valid message with one MessagePack string swapped for another.
 */
final class IrCodecAccess {

    private IrCodecAccess() {
    }

    /**
     * A query message ({@code [proto, shape-bin, values]}) whose shape has the MessagePack
     * string {@code from} (which must occur once in it) replaced by {@code to}; the shape's
     * {@code bin} length is rewritten to match.
     */
    static byte[] replaceString(byte[] message, String from, String to) {
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(message)) {
            int n = in.unpackArrayHeader();
            int proto = in.unpackInt();
            byte[] shape = in.readPayload(in.unpackBinaryHeader());
            int valuesAt = (int) in.getTotalReadBytes();
            byte[] newShape = replaceIn(shape, from, to);
            MessageBufferPacker out = MessagePack.newDefaultBufferPacker();
            out.packArrayHeader(n);
            out.packInt(proto);
            out.packBinaryHeader(newShape.length);
            out.writePayload(newShape);
            out.writePayload(message, valuesAt, message.length - valuesAt);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] replaceIn(byte[] message, String from, String to) {
        byte[] old = str(from);
        int at = indexOf(message, old);
        if (at < 0 || indexOf(message, old, at + 1) >= 0) {
            throw new IllegalArgumentException("'" + from + "' must occur exactly once in the message");
        }
        byte[] fresh = str(to);
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + fresh.length);
        out.write(message, 0, at);
        out.write(fresh, 0, fresh.length);
        out.write(message, at + old.length, message.length - at - old.length);
        return out.toByteArray();
    }

    /** A select message whose table name is {@code table}, whatever its length. */
    static byte[] withTable(byte[] selectOfLim, String table) {
        return replaceString(selectOfLim, "lim", table);
    }

    /** A raw-SQL message carrying {@code sql} unvalidated. */
    static byte[] rawMessage(String sql) {
        String marker = "SELECT 'placeholder-7f3a'";
        return replaceString(IrCodec.encode(new RawIr(marker, List.of())), marker, sql);
    }

    /** MessagePack encoding of a string: header plus UTF-8 bytes. */
    static byte[] str(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + 5);
        int n = utf8.length;
        if (n < 32) {
            out.write(0xa0 | n);
        } else if (n < 256) {
            out.write(0xd9);
            out.write(n);
        } else if (n < 65536) {
            out.write(0xda);
            out.write(n >>> 8);
            out.write(n);
        } else {
            out.write(0xdb);
            out.write(n >>> 24);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
        }
        out.write(utf8, 0, n);
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        return indexOf(hay, needle, 0);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
