package io.oxyde.internal.model;

import io.oxyde.annotation.IdStrategy;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * The first reading of a model class, which looks at no other class: fields and their roles,
 * columns, codecs, primary key and the handles that read, write and construct instances.
 * Relations are resolved against their targets' shapes in a second step
 * ({@link ModelMetaImpl}), which is what lets models reference each other (and themselves)
 * without recursion.
 *
 * @param type the model class
 * @param record whether it is a record
 * @param tableName the table name
 * @param fields every instance field in declaration order, superclasses first (records: component order)
 * @param primaryKey the primary key field (for a composite key, its first field)
 * @param idStrategy who produces the primary key
 * @param constructor records: the canonical constructor as {@code (Object[])Object};
 *     classes: the no-arg constructor as {@code ()Object}
 * @param canonical records: the canonical constructor as {@code (Object, ..., Object)Object}, for
 *     composing with per-column readers; classes: {@code null}
 * @param defaults records: the value passed for a component without a column value ({@code null},
 *     or the zero of a primitive); classes: unused
 * @param keyFields the primary key's fields: one, or several for a composite key, in declaration order
 */
public record ModelShape(
        Class<?> type,
        boolean record,
        String tableName,
        List<ShapeField> fields,
        ShapeField primaryKey,
        IdStrategy idStrategy,
        MethodHandle constructor,
        MethodHandle canonical,
        Object[] defaults,
        List<ShapeField> keyFields) {

    /** Whether the primary key has several fields. */
    public boolean compositeKey() {
        return keyFields.size() > 1;
    }


    /** The shape of a class, read once and cached. */
    public static ModelShape of(Class<?> type) {
        return ModelClassReader.CACHE.get(type);
    }

    /** The primary key value of a model instance. */
    public Object primaryKeyValue(Object model) {
        try {
            return (Object) primaryKey.getter().invokeExact(model);
        } catch (Throwable t) {
            throw Handles.rethrow(t);
        }
    }

    /** A new instance from constructor arguments in field order (records) — classes ignore it. */
    public Object instantiate(Object[] args) {
        try {
            if (record) {
                return (Object) constructor.invokeExact(args);
            }
            return (Object) constructor.invokeExact();
        } catch (Throwable t) {
            throw Handles.rethrow(t);
        }
    }
}
