package io.oxyde.codec.internal;

import io.oxyde.codec.MutationResult;
import io.oxyde.exception.ProtocolException;
import io.oxyde.codec.ResultFrame;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Result frames, columnar: {@code [proto, "rows", [names], [[row]...]]} and
 * {@code [proto, "mutation", affected, [generated keys], [names], [[row]...]]}, with the value
 * encoding of the query's values section (arrays allowed, parameter slots not).
 */
public final class ResultCodec {

    private static final MessagePack.PackerConfig PACKER = new MessagePack.PackerConfig().withBufferSize(4096);

    private ResultCodec() {
    }

    public static byte[] encode(ResultFrame frame) {
        if (frame == null) {
            throw new ProtocolException("message", "no result frame (null)");
        }
        Path path = new Path("message");
        ValueCodec valueCodec = new ValueCodec();
        try (MessageBufferPacker p = PACKER.newBufferPacker()) {
            if (frame instanceof RowSet rows) {
                p.packArrayHeader(4).packInt(WireFormat.PROTOCOL_VERSION).packString(WireFormat.FRAME_ROWS);
                writeRows(p, rows, path, valueCodec);
            } else {
                MutationResult m = (MutationResult) frame;
                if (m.affected() < 0) {
                    throw new ProtocolException("affected", "must not be negative, found " + m.affected());
                }
                p.packArrayHeader(6).packInt(WireFormat.PROTOCOL_VERSION).packString(WireFormat.FRAME_MUTATION);
                p.packLong(m.affected());
                path.key("generated_keys");
                writeValues(p, m.generatedKeys(), path, valueCodec, 0);
                path.pop();
                writeRows(p, m.returned(), path, valueCodec);
            }
            return p.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRows(MessagePacker p, RowSet rows, Path path, ValueCodec valueCodec) throws IOException {
        List<String> columns = rows.columns();
        p.packArrayHeader(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            if (c.length() > WireFormat.MAX_LABEL_BYTES / 3
                    && c.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > WireFormat.MAX_LABEL_BYTES) {
                throw new ProtocolException("columns[" + i + "]", "column label longer than "
                        + WireFormat.MAX_LABEL_BYTES + " bytes");
            }
            p.packString(c);
        }
        List<List<Value>> data = rows.rows();
        p.packArrayHeader(data.size());
        path.key("rows").index(0);
        for (int i = 0; i < data.size(); i++) {
            path.setIndex(i);
            writeValues(p, data.get(i), path, valueCodec, 0);
        }
        path.pop().pop();
    }

    private static void writeValues(MessagePacker p, List<Value> values, Path path, ValueCodec valueCodec,
                                    int depth) throws IOException {
        p.packArrayHeader(values.size());
        path.index(0);
        for (int i = 0; i < values.size(); i++) {
            path.setIndex(i);
            Value v = values.get(i);
            if (v instanceof Value.Array a) {
                if (depth + 1 > WireFormat.MAX_DEPTH) {
                    throw path.error("nested deeper than " + WireFormat.MAX_DEPTH + " levels");
                }
                writeValues(p, a.elements(), path, valueCodec, depth + 1);
            } else if (v instanceof Value.Param) {
                throw path.error("a parameter slot is not a result value");
            } else {
                String problem = IrValidator.sizeProblem(v);
                if (problem != null) {
                    throw path.error(problem); // results obey the limits requests do: a receiver would refuse it
                }
                valueCodec.write(p, v);
            }
        }
        path.pop();
    }

    public static ResultFrame decode(byte[] input) {
        if (input == null) {
            throw new ProtocolException("message", "no input (null)");
        }
        Path path = new Path("message");
        return WireReader.guard(path, () -> {
            WireReader r = new WireReader(input, 0, input.length, path);
            int n = r.arrayHeader();
            if (n == 0) {
                throw r.fail("expected [proto, frame kind, ...] but found an empty array");
            }
            path.key("proto");
            QueryCodec.checkVersion(r);
            path.pop();
            if (n < 2) {
                throw r.fail("expected [proto, frame kind, ...] but found an array of " + n);
            }
            path.key("kind");
            String kind = r.string(64);
            path.pop();
            ResultFrame frame;
            if (WireFormat.FRAME_ROWS.equals(kind)) {
                if (n != 4) {
                    throw r.fail("a rows frame is [proto, \"rows\", [names], [rows]], found an array of " + n);
                }
                frame = readRows(r, path);
            } else if (WireFormat.FRAME_MUTATION.equals(kind)) {
                if (n != 6) {
                    throw r.fail("a mutation frame is [proto, \"mutation\", affected, [keys], [names], [rows]],"
                            + " found an array of " + n);
                }
                path.key("affected");
                long affected = r.int64();
                if (affected < 0) {
                    throw r.fail("must not be negative, found " + affected);
                }
                path.pop().key("generated_keys");
                List<Value> keys = readValues(r, path);
                path.pop();
                frame = new MutationResult(affected, keys, readRows(r, path));
            } else {
                path.key("kind");
                throw r.fail("unknown result frame kind \"" + kind + "\"");
            }
            r.expectEnd();
            return frame;
        });
    }

    private static RowSet readRows(WireReader r, Path path) throws IOException {
        path.key("columns");
        int n = r.arrayHeader();
        String[] columns = new String[n];
        path.index(0);
        for (int i = 0; i < n; i++) {
            path.setIndex(i);
            columns[i] = r.string(WireFormat.MAX_LABEL_BYTES);
        }
        path.pop().pop().key("rows");
        int count = r.arrayHeader();
        List<List<Value>> rows = new ArrayList<>(count);
        path.index(0);
        for (int i = 0; i < count; i++) {
            path.setIndex(i);
            List<Value> row = readValues(r, path);
            if (row.size() != n) {
                throw r.fail("row has " + row.size() + " values for " + n + " columns");
            }
            rows.add(row);
        }
        path.pop().pop();
        return new RowSet(Arrays.asList(columns), rows);
    }

    private static List<Value> readValues(WireReader r, Path path) throws IOException {
        int n = r.arrayHeader();
        List<Value> values = new ArrayList<>(n);
        path.index(0);
        for (int i = 0; i < n; i++) {
            path.setIndex(i);
            values.add(ValueCodec.read(r, true));
        }
        path.pop();
        return values;
    }
}
