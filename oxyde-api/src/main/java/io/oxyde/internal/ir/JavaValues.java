package io.oxyde.internal.ir;

import io.oxyde.codec.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * IR values as plain Java objects, for results that have no model field to convert them
 * (values(), annotations, raw SQL maps): {@code Long}, {@code Double}, {@code BigDecimal},
 * {@code String}, {@code Boolean}, {@code byte[]}, {@code java.time} types, {@code UUID},
 * JSON as its text, arrays as lists.
 */
public final class JavaValues {

    private JavaValues() {
    }

    /** The Java object for a value ({@code null} for NULL). */
    public static Object toJava(Value v) {
        if (v == null || v instanceof Value.Null) {
            return null;
        }
        if (v instanceof Value.Int i) {
            return i.value();
        }
        if (v instanceof Value.Float f) {
            return f.value();
        }
        if (v instanceof Value.Decimal d) {
            return d.value();
        }
        if (v instanceof Value.Text t) {
            return t.value();
        }
        if (v instanceof Value.Bool b) {
            return b.value();
        }
        if (v instanceof Value.Bytes b) {
            return b.value();
        }
        if (v instanceof Value.Date d) {
            return d.value();
        }
        if (v instanceof Value.Time t) {
            return t.value();
        }
        if (v instanceof Value.DateTime dt) {
            return dt.value();
        }
        if (v instanceof Value.Timestamp ts) {
            return ts.value();
        }
        if (v instanceof Value.Uuid u) {
            return u.value();
        }
        if (v instanceof Value.Json j) {
            return j.text();
        }
        if (v instanceof Value.Array a) {
            List<Object> out = new ArrayList<>(a.elements().size());
            for (Value e : a.elements()) {
                out.add(toJava(e));
            }
            return out;
        }
        throw new IllegalArgumentException("no Java value for " + v);
    }

    /** A numeric value as a decimal ({@code null} for NULL); floats keep {@code scale} digits if scale ≥ 0. */
    /**
     * As {@link #toDecimal(Value, int)}; with {@code always}, any value (text, integer, decimal)
     * is set to {@code scale} (when it is ≥ 0), not only a floating-point one.
     */
    public static BigDecimal toDecimal(Value v, int scale, boolean always) {
        BigDecimal d = toDecimal(v, scale);
        return d != null && always && scale >= 0 ? d.setScale(scale, java.math.RoundingMode.HALF_UP) : d;
    }

    public static BigDecimal toDecimal(Value v, int scale) {
        Object o = toJava(v);
        if (o == null) {
            return null;
        }
        BigDecimal d;
        if (o instanceof BigDecimal b) {
            d = b;
        } else if (o instanceof Double f) {
            d = BigDecimal.valueOf(f);
            if (scale >= 0) {
                d = d.setScale(scale, java.math.RoundingMode.HALF_UP);
            }
        } else if (o instanceof Number n) {
            d = BigDecimal.valueOf(n.longValue());
        } else {
            d = new BigDecimal(o.toString().trim());
        }
        return d;
    }

    /** A boolean from BOOL or a 0/1 integer. */
    public static boolean toBoolean(Value v) {
        Object o = toJava(v);
        if (o instanceof Boolean b) {
            return b;
        }
        return o instanceof Number n && n.longValue() != 0;
    }
}
