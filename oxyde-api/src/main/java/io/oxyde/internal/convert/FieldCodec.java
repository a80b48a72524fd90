package io.oxyde.internal.convert;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;

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

    /** A short description of the Java type for error messages. */
    public abstract String javaTypeName();

    protected final Unconvertible cannot(Value value) {
        return new Unconvertible("a " + value.kind() + " value cannot be read as " + javaTypeName());
    }
}
