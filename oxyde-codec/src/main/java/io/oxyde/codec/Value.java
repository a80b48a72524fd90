package io.oxyde.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A typed literal of the IR. Every value that reaches the database is one of these, so dates,
 * decimals and UUIDs never travel as strings that a receiver must guess at (the original
 * Oxyde's data-loss trap).
 *
 * <p>Each kind round-trips exactly through the wire format: a {@link Decimal} keeps its scale,
 * a {@link Timestamp} its nanoseconds and offset.
 */
public sealed interface Value {

    /** The kind, which is also the wire tag. */
    ValueKind kind();

    /** The plain Java object this value stands for ({@code null} for {@link Null}). */
    Object toJava();

    /** SQL NULL. */
    record Null() implements Value {
        public static final Null INSTANCE = new Null();

        @Override
        public ValueKind kind() {
            return ValueKind.NULL;
        }

        @Override
        public Object toJava() {
            return null;
        }
    }

    /** A boolean. */
    record Bool(boolean value) implements Value {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);

        @Override
        public ValueKind kind() {
            return ValueKind.BOOL;
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    /** A 64-bit signed integer (covers byte, short, int, long). */
    record Int(long value) implements Value {
        @Override
        public ValueKind kind() {
            return ValueKind.INT;
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    /** A 64-bit IEEE float (covers float and double). */
    record Float(double value) implements Value {
        @Override
        public ValueKind kind() {
            return ValueKind.FLOAT;
        }

        @Override
        public Object toJava() {
            return value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Float f && Double.compare(f.value, value) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value);
        }
    }

    /** An exact decimal; equality includes the scale ({@code 1.50 != 1.5}). */
    record Decimal(BigDecimal value) implements Value {
        public Decimal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ValueKind kind() {
            return ValueKind.DECIMAL;
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    /** A string of text. */
    record Text(String value) implements Value {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ValueKind kind() {
            return ValueKind.TEXT;
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    /** Binary data. The array is copied in and out, so the value stays immutable. */
    record Bytes(byte[] value) implements Value {
        public Bytes {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public ValueKind kind() {
            return ValueKind.BYTES;
        }

        @Override
        public Object toJava() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(b.value, value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Bytes[" + HexFormat.of().formatHex(value) + "]";
        }
    }

    /** A calendar date without time zone. */
    record Date(LocalDate value) implements Value {
        public Date {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ValueKind kind() {
            return ValueKind.DATE;
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    /** A time of day without time zone, to the nanosecond. */
    record Time(LocalTime value) implements Value {
        public Time {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ValueKind kind() {
            return ValueKind.TIME;
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    /** A local date-time (TIMESTAMP WITHOUT TIME ZONE). */
    record DateTime(LocalDateTime value) implements Value {
        public DateTime {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ValueKind kind() {
            return ValueKind.DATE_TIME;
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    /** A point in time with its offset (TIMESTAMP WITH TIME ZONE); an {@link Instant} is UTC. */
    record Timestamp(OffsetDateTime value) implements Value {
        public Timestamp {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ValueKind kind() {
            return ValueKind.TIMESTAMP;
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    /** A UUID. */
    record Uuid(java.util.UUID value) implements Value {
        public Uuid {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ValueKind kind() {
            return ValueKind.UUID;
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    /** A JSON document, as its text. The codec does not parse it; the API layer owns Jackson. */
    record Json(String text) implements Value {
        public Json {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public ValueKind kind() {
            return ValueKind.JSON;
        }

        @Override
        public Object toJava() {
            return text;
        }
    }

    /** A list of values: the operand of IN and BETWEEN, or an array column's value. */
    record Array(List<Value> elements) implements Value {
        public Array {
            elements = List.copyOf(elements);
        }

        @Override
        public ValueKind kind() {
            return ValueKind.ARRAY;
        }

        @Override
        public Object toJava() {
            List<Object> out = new ArrayList<>(elements.size());
            for (Value v : elements) {
                out.add(v.toJava());
            }
            return out;
        }
    }

    /**
     * A placeholder for the value in slot {@code index} of a parameterized IR template (see
     * {@link IrTemplate}). It carries the kind of the value it stands for, because the kind can
     * change the SQL (an {@code eq} against NULL renders {@code IS NULL}).
     */
    record Param(int index, ValueKind kind) implements Value {
        public Param {
            Objects.requireNonNull(kind, "kind");
            if (index < 0) {
                throw new IllegalArgumentException("negative parameter index " + index);
            }
            if (kind == ValueKind.ARRAY) {
                throw new IllegalArgumentException("arrays stay structural in a template; their elements are parameters");
            }
        }

        @Override
        public ValueKind kind() {
            return kind;
        }

        @Override
        public Object toJava() {
            throw new UnsupportedOperationException("parameter " + index + " of a template has no value");
        }
    }

    /** SQL NULL. */
    static Value nullValue() {
        return Null.INSTANCE;
    }

    static Value of(long value) {
        return new Int(value);
    }

    static Value of(String value) {
        return new Text(value);
    }

    static Value array(Value... elements) {
        return new Array(List.of(elements));
    }

    /**
     * The value for a plain Java object: {@code null}, Boolean, Byte/Short/Integer/Long,
     * BigInteger (if it fits a long), Float/Double, BigDecimal, String, byte[], LocalDate,
     * LocalTime, LocalDateTime, OffsetDateTime, Instant (as UTC), UUID, an enum (by name), a
     * Collection or Object[] (as an array), or a {@link Value} itself.
     *
     * @throws IllegalArgumentException naming the type when it has no value kind
     */
    static Value of(Object object) {
        if (object == null) {
            return Null.INSTANCE;
        }
        if (object instanceof Value v) {
            return v;
        }
        if (object instanceof String s) {
            return new Text(s);
        }
        if (object instanceof Long || object instanceof Integer || object instanceof Short
                || object instanceof Byte) {
            return new Int(((Number) object).longValue());
        }
        if (object instanceof Boolean b) {
            return b ? Bool.TRUE : Bool.FALSE;
        }
        if (object instanceof Double || object instanceof java.lang.Float) {
            return new Float(((Number) object).doubleValue());
        }
        if (object instanceof BigDecimal d) {
            return new Decimal(d);
        }
        if (object instanceof BigInteger i) {
            if (i.bitLength() < 64) {
                return new Int(i.longValue());
            }
            return new Decimal(new BigDecimal(i));
        }
        if (object instanceof byte[] bytes) {
            return new Bytes(bytes);
        }
        if (object instanceof LocalDate d) {
            return new Date(d);
        }
        if (object instanceof LocalTime t) {
            return new Time(t);
        }
        if (object instanceof LocalDateTime dt) {
            return new DateTime(dt);
        }
        if (object instanceof OffsetDateTime odt) {
            return new Timestamp(odt);
        }
        if (object instanceof Instant instant) {
            return new Timestamp(instant.atOffset(ZoneOffset.UTC));
        }
        if (object instanceof java.util.UUID uuid) {
            return new Uuid(uuid);
        }
        if (object instanceof Enum<?> e) {
            return new Text(e.name());
        }
        if (object instanceof Collection<?> c) {
            List<Value> elements = new ArrayList<>(c.size());
            for (Object element : c) {
                elements.add(of(element));
            }
            return new Array(elements);
        }
        if (object instanceof Object[] array) {
            List<Value> elements = new ArrayList<>(array.length);
            for (Object element : array) {
                elements.add(of(element));
            }
            return new Array(elements);
        }
        throw new IllegalArgumentException("no IR value kind for Java type " + object.getClass().getName());
    }
}
