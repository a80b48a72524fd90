package io.oxyde.internal.model;

import io.oxyde.internal.convert.TypeMap;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Type;

/**
 * One Java field of a model as the first, self-contained reading of the class sees it: its
 * role, column, codec and access handles. Relations name their target class but are not
 * resolved against it here (see {@link ModelShape}).
 *
 * @param index position among the model's fields (the canonical constructor's parameter index for records)
 * @param field the reflected field
 * @param name the Java name
 * @param type the declared class
 * @param genericType the declared generic type
 * @param role what the field is
 * @param column the column name for {@link Role#COLUMN} and {@link Role#FOREIGN_KEY}, else {@code null}
 * @param scalar the column type for {@link Role#COLUMN}, else {@code null}
 * @param target the related model class for relations, else {@code null}
 * @param ref whether a foreign key is declared as {@code Ref<T>}
 * @param getter {@code (Object)Object}, reading the field
 * @param setter {@code (Object,Object)void} writing the field, {@code null} for records
 */
public record ShapeField(
        int index,
        Field field,
        String name,
        Class<?> type,
        Type genericType,
        Role role,
        String column,
        TypeMap.ScalarType scalar,
        Class<?> target,
        boolean ref,
        MethodHandle getter,
        MethodHandle setter) {

    /** What a field is to the model. */
    public enum Role {
        /** A column holding a scalar, array or JSON value. */
        COLUMN,
        /** A foreign-key column ({@code Ref<T>} or a model-typed field). */
        FOREIGN_KEY,
        /** A reverse foreign-key collection; no column. */
        REVERSE,
        /** A many-to-many collection; no column. */
        MANY_TO_MANY,
        /** Not persisted. */
        TRANSIENT
    }

    /** Whether the field is stored in a column of the model's table. */
    public boolean isStored() {
        return role == Role.COLUMN || role == Role.FOREIGN_KEY;
    }

    /** {@code Model.field}, for error messages. */
    public String qualifiedName() {
        return field.getDeclaringClass().getSimpleName() + "." + name;
    }
}
