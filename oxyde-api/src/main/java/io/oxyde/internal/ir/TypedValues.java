package io.oxyde.internal.ir;

import io.oxyde.meta.FieldMeta;
import io.oxyde.exception.MappingException;
import io.oxyde.Ref;
import io.oxyde.codec.Value;
import io.oxyde.internal.convert.FieldCodec;
import io.oxyde.internal.convert.TypeMap;
import io.oxyde.internal.convert.Unconvertible;

/**
 * Reads a selected value into its model field's Java type, for the typed rows of
 * {@code values(Track_.NAME, Track_.MILLISECONDS)}: the same codec as hydrating the model (an
 * {@code int} field comes back as {@code Integer}, an enum as its constant, a SQLite date text
 * as a {@code LocalDate}), and a foreign key as a {@link Ref} by id. Built once per query
 * column.
 */
public final class TypedValues {

    private final FieldMeta field;
    private final FieldCodec codec;

    private TypedValues(FieldMeta field, FieldCodec codec) {
        this.field = field;
        this.codec = codec;
    }

    /** The reader of a selected field ({@code null}: values pass through as database types). */
    public static TypedValues of(FieldMeta field) {
        if (field == null || field.isForeignKey()) {
            return new TypedValues(field, null);
        }
        TypeMap.ScalarType scalar = TypeMap.resolve(field.javaType(), field.genericType(), field.json());
        return new TypedValues(field, scalar == null ? null : scalar.codec());
    }

    /** The Java value of one selected value ({@code null} for NULL). */
    public Object read(Class<?> model, Value v) {
        if (v == null || v instanceof Value.Null) {
            return null;
        }
        if (field != null && field.isForeignKey()) {
            return Ref.id(JavaValues.toJava(v));
        }
        if (codec == null) {
            return JavaValues.toJava(v);
        }
        try {
            return codec.fromValue(v);
        } catch (Unconvertible e) {
            throw new MappingException("cannot read the selected value of " + model.getSimpleName() + "." + field.name()
                    + " (" + codec.javaTypeName() + "): the value " + v + " is invalid: " + e.getMessage(), e);
        }
    }
}
