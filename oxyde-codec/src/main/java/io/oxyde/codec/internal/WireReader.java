package io.oxyde.codec.internal;

import io.oxyde.exception.ProtocolException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageIntegerOverflowException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;
import org.msgpack.value.ValueType;

/**
 * A bounded, path-tracking reader over a byte range, on top of msgpack-core's
 * {@link MessageUnpacker}.
 *
 * <p>Every length the input declares is checked against the bytes that remain before anything
 * is allocated for it, so a 4-byte prefix claiming 2 GB fails at once. Strings are decoded
 * straight from the input array (strict UTF-8). Low-level failures surface as
 * {@link ProtocolException}s naming {@link #path()}; {@link #guard} wraps anything else that
 * escapes a read.
 */
final class WireReader {

    private static final byte[] NO_INPUT = new byte[0];
    /** Each thread's reader for messages (see {@link #ofMessage}). */
    private static final ThreadLocal<WireReader> KEPT = ThreadLocal.withInitial(WireReader::new);

    private byte[] input;
    private int start;
    private int end;
    private final MessageUnpacker unpacker;
    private final Path path;
    private int depth;
    /** For a kept reader: the input its unpacker reads, re-aimed at each message. */
    private final ArrayBufferInput source;
    private boolean busy;

    public WireReader(byte[] input, int offset, int length, Path path) {
        this.input = input;
        this.start = offset;
        this.end = offset + length;
        this.unpacker = MessagePack.newDefaultUnpacker(input, offset, length);
        this.path = path;
        this.source = null;
    }

    /** A reader kept by its thread, reading nothing until {@link #ofMessage} aims it. */
    private WireReader() {
        this.source = new ArrayBufferInput(NO_INPUT);
        this.unpacker = MessagePack.DEFAULT_UNPACKER_CONFIG.newUnpacker(source);
        this.path = new Path("message");
        this.input = NO_INPUT;
    }

    /**
     * A reader over the whole of {@code input}, its path rooted at {@code message}: the calling
     * thread's kept reader (msgpack-core's unpacker, its input and the path are reused, so
     * reading a small message allocates only what it returns), or a new one if that reader is
     * in use further up this thread's stack. {@link #release} it when done.
     */
    public static WireReader ofMessage(byte[] input) {
        WireReader r = KEPT.get();
        if (r.busy) {
            return new WireReader(input, 0, input.length, new Path("message"));
        }
        r.busy = true;
        r.input = input;
        r.start = 0;
        r.end = input.length;
        r.depth = 0;
        r.path.truncate(0);
        r.source.reset(input, 0, input.length);
        try {
            r.unpacker.reset(r.source);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // resetting to an in-memory input does no I/O
        }
        return r;
    }

    /**
     * Done with a reader from {@link #ofMessage}: a kept reader lets go of the message (so a
     * large one is not held by the thread) and can be taken again.
     */
    public void release() {
        if (source == null) {
            return;
        }
        input = NO_INPUT;
        source.close();
        try {
            unpacker.reset(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        busy = false;
    }

    /** The path of the field being read. */
    public Path path() {
        return path;
    }

    /** The absolute position of the next byte in the input array. */
    public int position() {
        return start + (int) unpacker.getTotalReadBytes();
    }

    /** Bytes not yet read. */
    public int remaining() {
        return end - position();
    }

    /** The input array (for slicing, e.g. the shape section). */
    public byte[] input() {
        return input;
    }

    public ProtocolException fail(String problem) {
        return path.error(problem);
    }

    /** Enters one level of nesting, failing beyond {@link WireFormat#MAX_DEPTH}. */
    public void enter() {
        if (++depth > WireFormat.MAX_DEPTH) {
            throw fail("nested deeper than " + WireFormat.MAX_DEPTH + " levels");
        }
    }

    public void leave() {
        depth--;
    }

    /** The type of the next value; fails at the end of the input. */
    public ValueType peek() throws IOException {
        if (position() >= end) {
            throw fail("unexpected end of input");
        }
        MessageFormat f = unpacker.getNextFormat();
        if (f == MessageFormat.NEVER_USED) {
            throw fail("invalid MessagePack byte 0xc1");
        }
        return f.getValueType();
    }

    private void expect(ValueType type, String what) throws IOException {
        ValueType actual = peek();
        if (actual != type) {
            throw fail("expected " + what + " but found " + describe(actual));
        }
    }

    /** A human name for a MessagePack type, for messages. */
    public static String describe(ValueType type) {
        return switch (type) {
            case NIL -> "nil";
            case BOOLEAN -> "a boolean";
            case INTEGER -> "an integer";
            case FLOAT -> "a float";
            case STRING -> "a string";
            case BINARY -> "binary data";
            case ARRAY -> "an array";
            case MAP -> "a map";
            default -> "an extension value";
        };
    }

    /** Reads nil if it is next; returns whether it did. */
    public boolean tryNil() throws IOException {
        if (peek() == ValueType.NIL) {
            unpacker.unpackNil();
            return true;
        }
        return false;
    }

    public void nil() throws IOException {
        expect(ValueType.NIL, "nil");
        unpacker.unpackNil();
    }

    public boolean bool() throws IOException {
        expect(ValueType.BOOLEAN, "a boolean");
        return unpacker.unpackBoolean();
    }

    public long int64() throws IOException {
        expect(ValueType.INTEGER, "an integer");
        try {
            return unpacker.unpackLong();
        } catch (MessageIntegerOverflowException e) {
            throw fail("integer does not fit in 64 signed bits");
        }
    }

    public double float64() throws IOException {
        expect(ValueType.FLOAT, "a float");
        return unpacker.unpackDouble();
    }

    /** An array header; its length is at most the remaining bytes and {@link WireFormat#MAX_VALUES}. */
    public int arrayHeader() throws IOException {
        expect(ValueType.ARRAY, "an array");
        return checkCount(unpacker.unpackArrayHeader(), 1);
    }

    /** A map header; each entry needs at least two bytes. */
    public int mapHeader() throws IOException {
        expect(ValueType.MAP, "a map");
        return checkCount(unpacker.unpackMapHeader(), 2);
    }

    private int checkCount(int n, int minBytesPerElement) {
        if (n < 0 || (long) n * minBytesPerElement > remaining()) {
            throw fail("declared length " + Integer.toUnsignedString(n) + " exceeds the remaining "
                    + remaining() + " bytes of input");
        }
        if (n > WireFormat.MAX_VALUES) {
            throw fail("more than " + WireFormat.MAX_VALUES + " elements");
        }
        return n;
    }

    private int checkPayload(int n, int max) {
        if (n < 0 || n > remaining()) {
            throw fail("declared length " + Integer.toUnsignedString(n) + " exceeds the remaining "
                    + remaining() + " bytes of input");
        }
        if (n > max) {
            throw fail("longer than the limit of " + max + " bytes");
        }
        return n;
    }

    /** A UTF-8 string of at most {@code maxBytes} bytes. */
    public String string(int maxBytes) throws IOException {
        expect(ValueType.STRING, "a string");
        int len = checkPayload(unpacker.unpackRawStringHeader(), maxBytes);
        int at = position();
        unpacker.readPayloadAsReference(len);
        return utf8(at, len);
    }

    /** Decodes {@code len} bytes of the input at {@code at} as strict UTF-8. */
    public String utf8(int at, int len) {
        String s = new String(input, at, len, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            // Either a real U+FFFD or malformed input that the lenient decoder replaced.
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(input, at, len));
            } catch (CharacterCodingException e) {
                throw fail("string is not valid UTF-8");
            }
        }
        return s;
    }

    /** A binary header; returns the payload length after checking it. */
    public int binaryHeader(int maxBytes) throws IOException {
        expect(ValueType.BINARY, "binary data");
        return checkPayload(unpacker.unpackBinaryHeader(), maxBytes);
    }

    /** An extension header (type and checked length). */
    public ExtensionTypeHeader extensionHeader() throws IOException {
        expect(ValueType.EXTENSION, "an extension value");
        ExtensionTypeHeader h = unpacker.unpackExtensionTypeHeader();
        checkPayload(h.getLength(), WireFormat.MAX_BLOB_BYTES);
        return h;
    }

    /** Skips {@code len} payload bytes (already checked) and returns their absolute offset. */
    public int payload(int len) throws IOException {
        int at = position();
        if (len > 0) {
            unpacker.readPayloadAsReference(len);
        }
        return at;
    }

    /** Copies {@code len} payload bytes (already checked). */
    public byte[] payloadCopy(int len) throws IOException {
        return unpacker.readPayload(len);
    }

    /** Fails if any input is left. */
    public void expectEnd() {
        int left = remaining();
        if (left != 0) {
            throw new ProtocolException("message", left + " trailing bytes after the end of the message");
        }
    }

    /** The big-endian signed integer of {@code n} bytes at {@code at}. */
    public long bigEndian(int at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (input[at + i] & 0xFF);
        }
        return v;
    }

    /**
     * Runs a read, turning any failure other than a {@link ProtocolException} (a MessagePack
     * format error, an arithmetic overflow, a record constructor's rejection) into one that
     * names the path where it happened.
     */
    public static <T> T guard(Path path, IoSupplier<T> read) {
        try {
            return read.get();
        } catch (ProtocolException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw malformed(path, e);
        }
    }

    /** The error for anything but a {@link ProtocolException} that escaped a read at {@code path}. */
    public static ProtocolException malformed(Path path, Throwable e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return path.error("malformed input (" + detail + ")", e);
    }

    /** A read that may throw {@link IOException}. */
    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws IOException;
    }
}
