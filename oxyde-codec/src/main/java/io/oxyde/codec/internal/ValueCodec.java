package io.oxyde.codec.internal;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessagePacker;
import org.msgpack.value.ValueType;

/**
 * Writes and reads self-describing values: native MessagePack nil, bool, int, float64, str,
 * bin and array, and the extension types of {@link WireFormat} for the kinds MessagePack lacks
 * (decimal, date, time, date-time, timestamp, UUID, JSON). Each kind round-trips exactly.
 */
public final class ValueCodec {

    private static final long MIN_EPOCH_DAY = LocalDate.MIN.toEpochDay();
    private static final long MAX_EPOCH_DAY = LocalDate.MAX.toEpochDay();
    private static final long MIN_EPOCH_SECOND = LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_EPOCH_SECOND = LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC);
    private static final int MAX_OFFSET = 18 * 3600;
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private final byte[] scratch = new byte[16];

    // ---------------------------------------------------------------- writing

    /** Writes {@code value}; a {@link Value.Param} is written as a parameter slot. */
    public void write(MessagePacker p, Value value) throws IOException {
        if (value instanceof Value.Text t) {
            p.packString(t.value());
        } else if (value instanceof Value.Int i) {
            p.packLong(i.value());
        } else if (value instanceof Value.Null) {
            p.packNil();
        } else if (value instanceof Value.Bool b) {
            p.packBoolean(b.value());
        } else if (value instanceof Value.Float f) {
            p.packDouble(f.value());
        } else if (value instanceof Value.Decimal d) {
            writeDecimal(p, d.value());
        } else if (value instanceof Value.Bytes b) {
            byte[] bytes = b.value();
            p.packBinaryHeader(bytes.length);
            p.writePayload(bytes);
        } else if (value instanceof Value.Date d) {
            putLong(0, d.value().toEpochDay());
            ext(p, WireFormat.EXT_DATE, 8);
        } else if (value instanceof Value.Time t) {
            putLong(0, t.value().toNanoOfDay());
            ext(p, WireFormat.EXT_TIME, 8);
        } else if (value instanceof Value.DateTime dt) {
            LocalDateTime v = dt.value();
            putLong(0, v.toEpochSecond(ZoneOffset.UTC));
            putInt(8, v.getNano());
            ext(p, WireFormat.EXT_DATE_TIME, 12);
        } else if (value instanceof Value.Timestamp ts) {
            OffsetDateTime v = ts.value();
            putLong(0, v.toEpochSecond());
            putInt(8, v.getNano());
            putInt(12, v.getOffset().getTotalSeconds());
            ext(p, WireFormat.EXT_TIMESTAMP, 16);
        } else if (value instanceof Value.Uuid u) {
            putLong(0, u.value().getMostSignificantBits());
            putLong(8, u.value().getLeastSignificantBits());
            ext(p, WireFormat.EXT_UUID, 16);
        } else if (value instanceof Value.Json j) {
            byte[] bytes = j.text().getBytes(StandardCharsets.UTF_8);
            p.packExtensionTypeHeader(WireFormat.EXT_JSON, bytes.length);
            p.writePayload(bytes);
        } else if (value instanceof Value.Array a) {
            List<Value> elements = a.elements();
            p.packArrayHeader(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                write(p, elements.get(i));
            }
        } else {
            writeParam(p, (Value.Param) value);
        }
    }

    /** Writes a parameter slot: fixext 4 of type 16 = index (3 bytes, big-endian) + kind tag. */
    public void writeParam(MessagePacker p, int index, ValueKind kind) throws IOException {
        scratch[0] = (byte) (index >>> 16);
        scratch[1] = (byte) (index >>> 8);
        scratch[2] = (byte) index;
        scratch[3] = (byte) kind.tag();
        ext(p, WireFormat.EXT_PARAM, 4);
    }

    private void writeParam(MessagePacker p, Value.Param param) throws IOException {
        writeParam(p, param.index(), param.kind());
    }

    /**
     * What puts {@code d} outside the protocol's decimal range, or {@code null}: checked from
     * its scale and precision only, so an extreme value costs nothing to refuse.
     */
    static String decimalProblem(BigDecimal d) {
        int scale = d.scale();
        if (scale > WireFormat.MAX_DECIMAL_SCALE) {
            return "decimal scale " + scale + " exceeds " + WireFormat.MAX_DECIMAL_SCALE + " digits after the point";
        }
        long integerDigits = (long) d.precision() - scale;
        if (d.signum() != 0 && integerDigits > WireFormat.MAX_DECIMAL_INTEGER_DIGITS) {
            return "decimal with " + integerDigits + " digits before the point exceeds "
                    + WireFormat.MAX_DECIMAL_INTEGER_DIGITS;
        }
        return null;
    }

    private void writeDecimal(MessagePacker p, BigDecimal d) throws IOException {
        byte[] unscaled = d.unscaledValue().toByteArray();
        putInt(0, d.scale());
        p.packExtensionTypeHeader(WireFormat.EXT_DECIMAL, 4 + unscaled.length);
        p.writePayload(scratch, 0, 4);
        p.writePayload(unscaled);
    }

    private void ext(MessagePacker p, byte type, int len) throws IOException {
        p.packExtensionTypeHeader(type, len);
        p.writePayload(scratch, 0, len);
    }

    private void putLong(int at, long v) {
        for (int i = 7; i >= 0; i--) {
            scratch[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    private void putInt(int at, int v) {
        scratch[at] = (byte) (v >>> 24);
        scratch[at + 1] = (byte) (v >>> 16);
        scratch[at + 2] = (byte) (v >>> 8);
        scratch[at + 3] = (byte) v;
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads one self-describing value. Arrays nest (bounded by the reader's depth limit) only
     * if {@code arrays} is set; parameter slots are never values.
     */
    public static Value read(WireReader r, boolean arrays) throws IOException {
        ValueType type = r.peek();
        switch (type) {
            case NIL -> {
                r.nil();
                return Value.Null.INSTANCE;
            }
            case BOOLEAN -> {
                return r.bool() ? Value.Bool.TRUE : Value.Bool.FALSE;
            }
            case INTEGER -> {
                return new Value.Int(r.int64());
            }
            case FLOAT -> {
                return new Value.Float(r.float64());
            }
            case STRING -> {
                return new Value.Text(r.string(WireFormat.MAX_BLOB_BYTES));
            }
            case BINARY -> {
                return new Value.Bytes(r.payloadCopy(r.binaryHeader(WireFormat.MAX_BLOB_BYTES)));
            }
            case ARRAY -> {
                if (!arrays) {
                    throw r.fail("an array cannot fill a slot (arrays belong to the shape)");
                }
                return readArray(r);
            }
            case EXTENSION -> {
                return readExtension(r);
            }
            default -> {
                throw r.fail("expected a value but found " + WireReader.describe(type));
            }
        }
    }

    private static Value readArray(WireReader r) throws IOException {
        int n = r.arrayHeader();
        r.enter();
        List<Value> elements = new ArrayList<>(n);
        Path path = r.path();
        path.index(0);
        for (int i = 0; i < n; i++) {
            path.setIndex(i);
            elements.add(read(r, true));
        }
        path.pop();
        r.leave();
        return new Value.Array(elements);
    }

    private static Value readExtension(WireReader r) throws IOException {
        ExtensionTypeHeader h = r.extensionHeader();
        int len = h.getLength();
        byte type = h.getType();
        switch (type) {
            case WireFormat.EXT_DECIMAL -> {
                if (len < 5 || len > 4 + WireFormat.MAX_DECIMAL_BYTES) {
                    throw r.fail("decimal payload must be 5 to " + (4 + WireFormat.MAX_DECIMAL_BYTES)
                            + " bytes, found " + len);
                }
                int at = r.payload(len);
                int scale = (int) r.bigEndian(at, 4);
                BigInteger unscaled = new BigInteger(r.input(), at + 4, len - 4);
                BigDecimal d = new BigDecimal(unscaled, scale);
                String problem = decimalProblem(d);
                if (problem != null) {
                    throw r.fail(problem);
                }
                return new Value.Decimal(d);
            }
            case WireFormat.EXT_DATE -> {
                long day = fixed(r, len, 8, "date");
                if (day < MIN_EPOCH_DAY || day > MAX_EPOCH_DAY) {
                    throw r.fail("epoch day " + day + " is out of range");
                }
                return new Value.Date(LocalDate.ofEpochDay(day));
            }
            case WireFormat.EXT_TIME -> {
                long nanos = fixed(r, len, 8, "time");
                if (nanos < 0 || nanos >= NANOS_PER_DAY) {
                    throw r.fail("nano of day " + nanos + " is out of range");
                }
                return new Value.Time(LocalTime.ofNanoOfDay(nanos));
            }
            case WireFormat.EXT_DATE_TIME -> {
                checkLength(r, len, 12, "date-time");
                int at = r.payload(len);
                long seconds = r.bigEndian(at, 8);
                int nano = (int) r.bigEndian(at + 8, 4);
                checkInstant(r, seconds, nano);
                return new Value.DateTime(LocalDateTime.ofEpochSecond(seconds, nano, ZoneOffset.UTC));
            }
            case WireFormat.EXT_TIMESTAMP -> {
                checkLength(r, len, 16, "timestamp");
                int at = r.payload(len);
                long seconds = r.bigEndian(at, 8);
                int nano = (int) r.bigEndian(at + 8, 4);
                int offset = (int) r.bigEndian(at + 12, 4);
                if (offset < -MAX_OFFSET || offset > MAX_OFFSET) {
                    throw r.fail("offset of " + offset + " seconds is out of range");
                }
                ZoneOffset zone = ZoneOffset.ofTotalSeconds(offset);
                if (seconds < MIN_EPOCH_SECOND - MAX_OFFSET || seconds > MAX_EPOCH_SECOND + MAX_OFFSET) {
                    throw r.fail("epoch second " + seconds + " is out of range");
                }
                long local = seconds + offset;
                checkInstant(r, local, nano);
                return new Value.Timestamp(OffsetDateTime.of(
                        LocalDateTime.ofEpochSecond(seconds, nano, zone), zone));
            }
            case WireFormat.EXT_UUID -> {
                checkLength(r, len, 16, "uuid");
                int at = r.payload(len);
                return new Value.Uuid(new UUID(r.bigEndian(at, 8), r.bigEndian(at + 8, 8)));
            }
            case WireFormat.EXT_JSON -> {
                int at = r.payload(len);
                return new Value.Json(r.utf8(at, len));
            }
            case WireFormat.EXT_PARAM -> {
                throw r.fail("a parameter slot cannot appear among values");
            }
            default -> {
                throw r.fail("unknown extension type " + type);
            }
        }
    }

    private static long fixed(WireReader r, int len, int expected, String what) throws IOException {
        checkLength(r, len, expected, what);
        return r.bigEndian(r.payload(len), len);
    }

    private static void checkLength(WireReader r, int len, int expected, String what) {
        if (len != expected) {
            throw r.fail(what + " payload must be " + expected + " bytes, found " + len);
        }
    }

    private static void checkInstant(WireReader r, long localSeconds, int nano) {
        if (nano < 0 || nano > 999_999_999) {
            throw r.fail("nanosecond " + nano + " is out of range");
        }
        if (localSeconds < MIN_EPOCH_SECOND || localSeconds > MAX_EPOCH_SECOND) {
            throw r.fail("epoch second " + localSeconds + " is out of range");
        }
    }
}
