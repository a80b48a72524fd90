package io.oxyde.internal.convert;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.driver.ResultRow;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.time.Duration;

/** Codecs of integers, floats, decimals and durations (stored as integer microseconds). */
final class NumberCodecs {

    private NumberCodecs() {
    }

    /** The long behind an integral value: Int, or a Decimal with no fraction (MySQL sums). */
    static long integral(Value value, FieldCodec codec) {
        if (value instanceof Value.Int i) {
            return i.value();
        }
        if (value instanceof Value.Decimal d) {
            try {
                return d.value().longValueExact();
            } catch (ArithmeticException e) {
                throw new Unconvertible("the decimal " + d.value().toPlainString() + " is not an integer in the range of "
                        + codec.javaTypeName());
            }
        }
        throw codec.cannot(value);
    }

    static final FieldCodec LONG = new FieldCodec(ValueKind.INT) {
        @Override
        public Value toValue(Object javaValue) {
            return new Value.Int((Long) javaValue);
        }

        @Override
        public Object fromValue(Value value) {
            return value instanceof Value.Int i ? (Object) i.value() : (Object) integral(value, this);
        }

        @Override
        public Object read(ResultRow row, int i) throws SQLException {
            int state = row.readLong(i);
            return state == ResultRow.READ ? (Object) row.longValue() : state == ResultRow.NULL ? NULL : fromRead(row, i);
        }

        @Override
        public String javaTypeName() {
            return "long";
        }
    };

    static FieldCodec bounded(String name, long min, long max, java.util.function.LongFunction<Object> box) {
        return new FieldCodec(ValueKind.INT) {
            @Override
            public Value toValue(Object javaValue) {
                return new Value.Int(((Number) javaValue).longValue());
            }

            @Override
            public Object fromValue(Value value) {
                return checked(value instanceof Value.Int i ? i.value() : integral(value, this));
            }

            @Override
            public Object read(ResultRow row, int i) throws SQLException {
                int state = row.readLong(i);
                return state == ResultRow.READ ? checked(row.longValue()) : state == ResultRow.NULL ? NULL : fromRead(row, i);
            }

            private Object checked(long v) {
                if (v < min || v > max) {
                    throw new Unconvertible("the integer " + v + " overflows " + name + " (range " + min + ".." + max + ")");
                }
                return box.apply(v);
            }

            @Override
            public String javaTypeName() {
                return name;
            }
        };
    }

    static final FieldCodec INT = bounded("int", Integer.MIN_VALUE, Integer.MAX_VALUE, v -> (int) v);
    static final FieldCodec SHORT = bounded("short", Short.MIN_VALUE, Short.MAX_VALUE, v -> (short) v);
    static final FieldCodec BYTE = bounded("byte", Byte.MIN_VALUE, Byte.MAX_VALUE, v -> (byte) v);

    static double floating(Value value, FieldCodec codec) {
        if (value instanceof Value.Float f) {
            return f.value();
        }
        if (value instanceof Value.Int i) {
            return i.value();
        }
        if (value instanceof Value.Decimal d) {
            return d.value().doubleValue();
        }
        if (value instanceof Value.Text t) {
            try {
                return Double.parseDouble(t.value());
            } catch (NumberFormatException e) {
                throw new Unconvertible("the text \"" + t.value() + "\" is not a number");
            }
        }
        throw codec.cannot(value);
    }

    static final FieldCodec DOUBLE = new FieldCodec(ValueKind.FLOAT) {
        @Override
        public Value toValue(Object javaValue) {
            return new Value.Float((Double) javaValue);
        }

        @Override
        public Object fromValue(Value value) {
            return floating(value, this);
        }

        @Override
        public Object read(ResultRow row, int i) throws SQLException {
            int state = row.readDouble(i);
            return state == ResultRow.READ ? (Object) row.doubleValue() : state == ResultRow.NULL ? NULL : fromRead(row, i);
        }

        @Override
        public String javaTypeName() {
            return "double";
        }
    };

    static final FieldCodec FLOAT = new FieldCodec(ValueKind.FLOAT) {
        @Override
        public Value toValue(Object javaValue) {
            // Through the decimal string, so 0.1f is stored as 0.1 and not 0.10000000149011612.
            return new Value.Float(Double.parseDouble(Float.toString((Float) javaValue)));
        }

        @Override
        public Object fromValue(Value value) {
            return (float) floating(value, this);
        }

        @Override
        public Object read(ResultRow row, int i) throws SQLException {
            int state = row.readDouble(i);
            return state == ResultRow.READ ? (Object) (float) row.doubleValue() : state == ResultRow.NULL ? NULL : fromRead(row, i);
        }

        @Override
        public String javaTypeName() {
            return "float";
        }
    };

    static final FieldCodec DECIMAL = new FieldCodec(ValueKind.DECIMAL) {
        @Override
        public Value toValue(Object javaValue) {
            return new Value.Decimal((BigDecimal) javaValue);
        }

        @Override
        public Object fromValue(Value value) {
            if (value instanceof Value.Decimal d) {
                return d.value();
            }
            if (value instanceof Value.Int i) {
                return BigDecimal.valueOf(i.value());
            }
            if (value instanceof Value.Float f) {
                if (!Double.isFinite(f.value())) {
                    throw new Unconvertible("the float " + f.value() + " is not a decimal");
                }
                return BigDecimal.valueOf(f.value());
            }
            if (value instanceof Value.Text t) {
                try {
                    return new BigDecimal(t.value().trim());
                } catch (NumberFormatException e) {
                    throw new Unconvertible("the text \"" + t.value() + "\" is not a decimal number");
                }
            }
            throw cannot(value);
        }

        @Override
        public Object read(ResultRow row, int i) throws SQLException {
            int state = row.readDecimal(i);
            return state == ResultRow.READ ? row.decimalValue() : state == ResultRow.NULL ? NULL : fromRead(row, i);
        }

        @Override
        public String javaTypeName() {
            return "BigDecimal";
        }
    };

    /**
     * Durations are whole microseconds in a BIGINT, as in the original Oxyde; nanoseconds below a
     * microsecond are truncated toward negative infinity.
     */
    static final FieldCodec DURATION = new FieldCodec(ValueKind.INT) {
        @Override
        public Value toValue(Object javaValue) {
            Duration d = (Duration) javaValue;
            try {
                return new Value.Int(Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1_000));
            } catch (ArithmeticException e) {
                throw new Unconvertible("the duration " + d + " does not fit a 64-bit count of microseconds");
            }
        }

        @Override
        public Object fromValue(Value value) {
            long micros = value instanceof Value.Int i ? i.value() : integral(value, this);
            return Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        }

        @Override
        public String javaTypeName() {
            return "Duration (microseconds)";
        }
    };
}
