package io.oxyde.codec.internal;

import io.oxyde.codec.ProtocolException;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * The query message {@code [proto, shape:bin, values:array]}: writing it, and reading its
 * envelope and its shape with every check of the protocol.
 */
public final class QueryCodec {

    private static final MessagePack.PackerConfig SHAPE_PACKER = new MessagePack.PackerConfig().withBufferSize(512);
    private static final MessagePack.PackerConfig MESSAGE_PACKER = new MessagePack.PackerConfig().withBufferSize(1024);

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

    /** Writes the whole message for {@code ir} (already validated). */
    public static byte[] encode(QueryIr ir) {
        ValueCodec valueCodec = new ValueCodec();
        List<Value> values = new ArrayList<>();
        byte[] shape = shape(ir, values, valueCodec);
        try (MessageBufferPacker p = MESSAGE_PACKER.newBufferPacker()) {
            p.packArrayHeader(3);
            p.packInt(WireFormat.PROTOCOL_VERSION);
            p.packBinaryHeader(shape.length);
            p.writePayload(shape);
            p.packArrayHeader(values.size());
            for (int i = 0; i < values.size(); i++) {
                valueCodec.write(p, values.get(i));
            }
            return p.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the envelope: version, shape location and the values (fully checked). */
    public static Envelope readEnvelope(byte[] input) {
        if (input == null) {
            throw new ProtocolException("message", "no input (null)");
        }
        Path path = new Path("message");
        return WireReader.guard(path, () -> {
            WireReader r = new WireReader(input, 0, input.length, path);
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
            List<Value> values = new ArrayList<>(count);
            path.index(0);
            for (int i = 0; i < count; i++) {
                path.setIndex(i);
                values.add(ValueCodec.read(r, false));
            }
            path.pop().pop();
            r.expectEnd();
            return new Envelope(input, shapeOffset, shapeLength, values);
        });
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
        Path path = new Path("shape");
        QueryIr ir = WireReader.guard(path, () -> {
            WireReader r = new WireReader(input, offset, length, path);
            ShapeReader reader = new ShapeReader(r, values);
            QueryIr result = reader.query();
            if (r.remaining() != 0) {
                throw new ProtocolException("shape", r.remaining() + " trailing bytes after the shape");
            }
            if (values != null && reader.slots() != values.size()) {
                throw new ProtocolException("values", values.size() + " values for " + reader.slots()
                        + " parameter slots in the shape");
            }
            return result;
        });
        IrValidator.validate(ir, values == null ? IrValidator.Mode.TEMPLATE : IrValidator.Mode.QUERY);
        return ir;
    }
}
