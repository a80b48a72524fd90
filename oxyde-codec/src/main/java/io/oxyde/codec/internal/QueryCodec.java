package io.oxyde.codec.internal;

import io.oxyde.exception.ProtocolException;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.buffer.MessageBuffer;

/**
 * The query message {@code [proto, shape:bin, values:array]}: writing it, and reading its
 * envelope and its shape with every check of the protocol.
 */
public final class QueryCodec {

    private static final MessagePack.PackerConfig SHAPE_PACKER = new MessagePack.PackerConfig().withBufferSize(512);

    private QueryCodec() {
    }

    /**
     * The envelope of a query message: where its shape lies in {@code input}, and its values.
     */
    public record Envelope(byte[] input, int shapeOffset, int shapeLength, List<Value> values) {
    }

    /** Writes the shape of {@code ir} (already validated); collects its values if given a list. */
    public static byte[] shape(QueryIr ir, List<Value> values, ValueCodec valueCodec) {
        try (MessageBufferPacker p = SHAPE_PACKER.newBufferPacker()) {
            new ShapeWriter(p, values, valueCodec).write(ir);
            return p.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the whole message for {@code ir} (already validated). The shape and the values go
     * through one packer; the envelope header, whose {@code bin} length is known only then, is
     * written by hand into the one exactly sized result array.
     */
    public static byte[] encode(QueryIr ir) {
        ValueCodec valueCodec = new ValueCodec();
        List<Value> values = new ArrayList<>();
        try (MessageBufferPacker p = SHAPE_PACKER.newBufferPacker()) {
            new ShapeWriter(p, values, valueCodec).write(ir);
            long shapeLength = p.getTotalWrittenBytes();
            p.packArrayHeader(values.size());
            for (int i = 0; i < values.size(); i++) {
                valueCodec.write(p, values.get(i));
            }
            return envelope(p, shapeLength);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the message for a shape written before ({@link #shape}) and this call's values
     * (already validated), without walking the query again: what a sender that keeps the
     * encoded shape per query shape does on every call.
     */
    public static byte[] message(byte[] shape, List<Value> values) {
        MessagePackers packers = PACKERS.get();
        MessagePacker p = packers.packer;
        packers.out.clear();
        boolean written = false;
        try {
            p.packArrayHeader(values.size());
            for (int i = 0; i < values.size(); i++) {
                packers.values.write(p, values.get(i));
            }
            p.flush();
            byte[] message = envelope(shape, packers.out);
            written = true;
            return message;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // a failed write leaves bytes in the packer; one huge message must not pin its buffer
            if (!written || packers.out.capacity() > MAX_KEPT_BUFFER) {
                PACKERS.remove();
            }
        }
    }

    /**
     * A packer, its output and a value writer kept per thread for {@link #message}: encoding
     * allocates only the result.
     */
    private static final class MessagePackers {
        final KeptOutput out = new KeptOutput(512);
        final MessagePacker packer = SHAPE_PACKER.newPacker(out);
        final ValueCodec values = new ValueCodec();
    }

    private static final ThreadLocal<MessagePackers> PACKERS = ThreadLocal.withInitial(MessagePackers::new);
    /** A kept packer whose output grew beyond this is dropped after use. */
    private static final int MAX_KEPT_BUFFER = 64 * 1024;

    /** The message {@code [proto, shape, values]} from the shape bytes and the packed values array. */
    private static byte[] envelope(byte[] shape, KeptOutput values) {
        long body = (long) shape.length + values.size();
        int binHeader = writeHeaderSize(shape.length);
        if (2 + binHeader + body > Integer.MAX_VALUE - 16) {
            throw new ProtocolException("message", "message larger than 2 GB");
        }
        byte[] out = new byte[(int) (2 + binHeader + body)];
        int at = writeHeader(out, shape.length, binHeader);
        System.arraycopy(shape, 0, out, at, shape.length);
        at += shape.length;
        System.arraycopy(values.bytes(), 0, out, at, values.size());
        return out;
    }

    private static int writeHeaderSize(long shapeLength) {
        return shapeLength < (1 << 8) ? 2 : shapeLength < (1 << 16) ? 3 : 5;
    }

    /** Writes {@code [fixarray 3, proto, bin header]} and answers where the shape starts. */
    private static int writeHeader(byte[] out, long shapeLength, int binHeader) {
        out[0] = (byte) 0x93; // fixarray of 3
        out[1] = (byte) WireFormat.PROTOCOL_VERSION; // positive fixint
        int len = (int) shapeLength;
        if (binHeader == 2) {
            out[2] = (byte) 0xc4;
            out[3] = (byte) len;
        } else if (binHeader == 3) {
            out[2] = (byte) 0xc5;
            out[3] = (byte) (len >>> 8);
            out[4] = (byte) len;
        } else {
            out[2] = (byte) 0xc6;
            out[3] = (byte) (len >>> 24);
            out[4] = (byte) (len >>> 16);
            out[5] = (byte) (len >>> 8);
            out[6] = (byte) len;
        }
        return 2 + binHeader;
    }

    /**
     * The whole message around what {@code p} holds (the shape's {@code shapeLength} bytes,
     * then the values array): the envelope header, whose {@code bin} length is known only now,
     * written by hand into the one exactly sized result array.
     */
    private static byte[] envelope(MessageBufferPacker p, long shapeLength) throws IOException {
        p.flush();
        List<MessageBuffer> chunks = p.toBufferList();
        long body = p.getTotalWrittenBytes();
        int binHeader = writeHeaderSize(shapeLength);
        if (2 + binHeader + body > Integer.MAX_VALUE - 16) {
            throw new ProtocolException("message", "message larger than 2 GB");
        }
        byte[] out = new byte[(int) (2 + binHeader + body)];
        int at = writeHeader(out, shapeLength, binHeader);
        for (MessageBuffer chunk : chunks) {
            chunk.getBytes(0, out, at, chunk.size());
            at += chunk.size();
        }
        return out;
    }

    /** Reads the envelope: version, shape location and the values (fully checked). */
    public static Envelope readEnvelope(byte[] input) {
        if (input == null) {
            throw new ProtocolException("message", "no input (null)");
        }
        WireReader r = WireReader.ofMessage(input);
        try {
            return readEnvelope(r, input);
        } catch (ProtocolException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw WireReader.malformed(r.path(), e); // as WireReader.guard, without a lambda per message
        } finally {
            r.release();
        }
    }

    private static Envelope readEnvelope(WireReader r, byte[] input) throws IOException {
        Path path = r.path();
        int n = r.arrayHeader();
        if (n == 0) {
            throw r.fail("expected [proto, shape, values] but found an empty array");
        }
        path.key("proto");
        checkVersion(r);
        path.pop();
        if (n != 3) {
            throw r.fail("expected [proto, shape, values] but found an array of " + n);
        }
        path.key("shape");
        int shapeLength = r.binaryHeader(Integer.MAX_VALUE);
        int shapeOffset = r.payload(shapeLength);
        path.pop();
        path.key("values");
        int count = r.arrayHeader();
        path.index(0);
        List<Value> values;
        if (count == 0) {
            values = List.of();
        } else if (count == 1) { // a get by key, a one-row update: the value list is one object
            values = List.of(ValueCodec.read(r, false));
        } else {
            Value[] read = new Value[count];
            for (int i = 0; i < count; i++) {
                path.setIndex(i);
                read[i] = ValueCodec.read(r, false);
            }
            values = List.of(read); // one copy, and none later (List.copyOf keeps it)
        }
        path.pop().pop();
        r.expectEnd();
        return new Envelope(input, shapeOffset, shapeLength, values);
    }

    /** Reads and checks the protocol version. */
    public static void checkVersion(WireReader r) throws IOException {
        if (r.peek() != org.msgpack.value.ValueType.INTEGER) {
            throw r.fail("expected the protocol version (an integer) but found "
                    + WireReader.describe(r.peek()));
        }
        long version = r.int64();
        if (version != WireFormat.PROTOCOL_VERSION) {
            throw r.fail("unsupported protocol version " + version + "; supported versions: "
                    + WireFormat.PROTOCOL_VERSION);
        }
    }

    /**
     * Reads a shape. With {@code values} the result is the query with its slots filled (and
     * checked against the values); without, it is the template.
     */
    public static QueryIr readShape(byte[] input, int offset, int length, List<Value> values) {
        return readShape(input, offset, length, values, -1);
    }

    /**
     * Reads a template, checking that it has {@code expectedSlots} parameter slots (the number
     * of values that came with it).
     */
    public static QueryIr readTemplate(byte[] input, int offset, int length, int expectedSlots) {
        return readShape(input, offset, length, null, expectedSlots);
    }

    private static QueryIr readShape(byte[] input, int offset, int length, List<Value> values, int expectedSlots) {
        Path path = new Path("shape");
        QueryIr ir = WireReader.guard(path, () -> {
            WireReader r = new WireReader(input, offset, length, path);
            ShapeReader reader = new ShapeReader(r, values);
            QueryIr result = reader.query();
            if (r.remaining() != 0) {
                throw new ProtocolException("shape", r.remaining() + " trailing bytes after the shape");
            }
            int expected = values != null ? values.size() : expectedSlots;
            if (expected >= 0 && reader.slots() != expected) {
                throw new ProtocolException("values", expected + " values for " + reader.slots()
                        + " parameter slots in the shape");
            }
            return result;
        });
        IrValidator.validate(ir, values == null ? IrValidator.Mode.TEMPLATE : IrValidator.Mode.QUERY);
        return ir;
    }
}
