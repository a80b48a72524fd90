package io.oxyde.internal.convert;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.driver.ResultRow;
import java.sql.SQLException;

/**
 * Converts one Java type to and from IR values. One instance per Java type (or per enum / JSON
 * type), chosen when a model's metadata is read, so the per-row work is a virtual call and an
 * {@code instanceof} check. NULL never reaches a codec: the mapper handles it.
 *
 * <p>{@link #fromValue} accepts every representation a supported database returns for the
 * kind (SQLite keeps dates, UUIDs and decimals as text and booleans as 0/1) and throws
 * {@link Unconvertible} for anything else; the mapper turns that into a
 * {@link io.oxyde.exception.MappingException} naming the model, field, column and value.
 */
public abstract class FieldCodec {

    /** What {@link #read} answers for SQL NULL (the mapper decides what NULL means for the field). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    private final ValueKind kind;

    protected FieldCodec(ValueKind kind) {
        this.kind = kind;
    }

    /** The kind {@link #toValue} produces. */
    public final ValueKind kind() {
        return kind;
    }

    /** The IR value of a non-null Java value. */
    public abstract Value toValue(Object javaValue);

    /** The Java value of a non-NULL IR value. */
    public abstract Object fromValue(Value value);

    /**
     * The Java value of column {@code i} of a result row, or {@link #NULL} for SQL NULL. This
     * default reads the column's {@link Value} and converts it with {@link #fromValue}; the
     * codecs of the kinds models hold most (integers, floats, decimals, text) override it to take
     * the row's typed read straight into the Java value, with no {@code Value} in between, and
     * fall back to this road when the row answers {@link ResultRow#CONVERT}.
     *
     * @throws Unconvertible as {@link #fromValue} does
     */
    public Object read(ResultRow row, int i) throws SQLException {
        return fromRead(row, i);
    }

    /** {@link #read} through the column's {@link Value}: the road every kind can take. */
    protected final Object fromRead(ResultRow row, int i) throws SQLException {
        Value value = row.value(i);
        return value instanceof Value.Null ? NULL : fromValue(value);
    }

    /** A short description of the Java type for error messages. */
    public abstract String javaTypeName();

    protected final Unconvertible cannot(Value value) {
        return new Unconvertible("a " + value.kind() + " value cannot be read as " + javaTypeName());
    }
}
