package io.oxyde.internal.mapping;

import io.oxyde.Ref;
import io.oxyde.codec.Value;
import io.oxyde.driver.ResultRow;
import io.oxyde.exception.MappingException;
import io.oxyde.internal.convert.Unconvertible;
import io.oxyde.internal.model.ModelShape;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a foreign key to a composite primary key, stored in one column per key column, into its
 * one Java field: a {@link Ref} holding the list of key values (or a target stub holding the
 * key). Every column NULL is no reference ({@code null}); some NULL and some not is not a
 * reference to any row, and is refused naming the model, field and columns.
 */
final class CompositeRefReader {

    private static final MethodHandle READ;

    static {
        try {
            READ = MethodHandles.lookup().findStatic(CompositeRefReader.class, "read",
                    MethodType.methodType(Object.class, Slot[].class, int[].class, ResultRow.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CompositeRefReader() {
    }

    /** {@code (ResultRow row)Object}: the field value of the key columns of {@code parts} at {@code positions}. */
    static MethodHandle reader(Slot[] parts, int[] positions) {
        return MethodHandles.insertArguments(READ, 0, parts.clone(), positions.clone());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object read(Slot[] parts, int[] positions, ResultRow row) throws SQLException {
        Value[] cells = new Value[positions.length]; // each key column once, as its value
        int nulls = 0;
        for (int i = 0; i < positions.length; i++) {
            cells[i] = row.value(positions[i]);
            if (cells[i] instanceof Value.Null) {
                nulls++;
            }
        }
        if (nulls == parts.length) {
            return null;
        }
        Slot first = parts[0];
        if (nulls > 0) {
            throw new MappingException("cannot read columns " + first.meta.foreignKey().columns() + " into " + first.where()
                    + ": the values " + Arrays.asList(cells) + " are partly NULL, which references no "
                    + first.target.type().getSimpleName() + " (a reference has every key column, or none)");
        }
        Object[] key = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                key[i] = parts[i].codec.fromValue(cells[i]);
            } catch (Unconvertible e) {
                throw parts[i].readFailure(cells[i], e);
            }
        }
        if (first.mode == Slot.Mode.REF) {
            return Ref.id((Class) first.target.type(), List.of(key));
        }
        return stub(parts, key);
    }

    /** A target instance holding only its key (a model-typed field read without a join). */
    private static Object stub(Slot[] parts, Object[] key) {
        ModelShape target = parts[0].target;
        try {
            if (target.record()) {
                Object[] args = target.defaults().clone();
                for (int i = 0; i < parts.length; i++) {
                    args[parts[i].referenced.index()] = key[i];
                }
                return target.instantiate(args);
            }
            Object instance = target.instantiate(null);
            for (int i = 0; i < parts.length; i++) {
                parts[i].referenced.setter().invokeExact(instance, key[i]);
            }
            return instance;
        } catch (Throwable t) {
            throw new MappingException("cannot read " + parts[0].where() + ": building a " + target.type().getSimpleName()
                    + " that holds only its key " + Arrays.toString(key) + " failed (" + t + "); declare the field as Ref<"
                    + target.type().getSimpleName() + "> or join it", t);
        }
    }
}
