package io.oxyde.internal.mapping;

import io.oxyde.Ref;
import io.oxyde.codec.Value;
import io.oxyde.driver.ResultRow;
import io.oxyde.internal.convert.FieldCodec;
import io.oxyde.internal.convert.Unconvertible;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.SQLException;

/**
 * Composes a reader's per-column work into method-handle trees whose slot, codec and column
 * position are bound constants. After a few hundred calls the JVM customizes each tree, so the
 * codec calls inside it are devirtualized and inlined instead of going through one megamorphic
 * call site shared by every column of every model.
 */
final class SlotHandles {

    private static final MethodHandle READ_PLAIN;
    private static final MethodHandle READ_REF;
    private static final MethodHandle READ_ANY;
    private static final MethodHandle WRITE_PLAIN;
    private static final MethodHandle WRITE_ANY;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            READ_PLAIN = lookup.findStatic(SlotHandles.class, "readPlain",
                    MethodType.methodType(Object.class, Slot.class, FieldCodec.class, int.class, ResultRow.class));
            READ_REF = lookup.findStatic(SlotHandles.class, "readRef",
                    MethodType.methodType(Object.class, Slot.class, FieldCodec.class, Class.class, int.class, ResultRow.class));
            READ_ANY = lookup.findStatic(SlotHandles.class, "readAny",
                    MethodType.methodType(Object.class, Slot.class, int.class, ResultRow.class));
            WRITE_PLAIN = lookup.findStatic(SlotHandles.class, "writePlain",
                    MethodType.methodType(Value.class, Slot.class, FieldCodec.class, Object.class));
            WRITE_ANY = lookup.findStatic(SlotHandles.class, "writeAny",
                    MethodType.methodType(Value.class, Slot.class, Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SlotHandles() {
    }

    /**
     * {@code (ResultRow row)Object}: the field value of the slot's column at {@code position},
     * read through the codec's typed read (no {@code Value} for the kinds it reads directly).
     */
    static MethodHandle reader(Slot slot, int position) {
        if (slot.mode == Slot.Mode.PLAIN) {
            return MethodHandles.insertArguments(READ_PLAIN, 0, slot, slot.codec, position);
        }
        if (slot.mode == Slot.Mode.REF) {
            return MethodHandles.insertArguments(READ_REF, 0, slot, slot.codec, slot.target.type(), position);
        }
        return MethodHandles.insertArguments(READ_ANY, 0, slot, position);
    }

    /**
     * {@code (Object model)Value[]}: every slot's value of a model, one call per model. Getters
     * and codecs are bound constants of the tree, as for {@link #reader}.
     */
    static MethodHandle valuesWriter(Slot[] slots) {
        MethodHandle collector = MethodHandles.identity(Value[].class).asCollector(Value[].class, slots.length);
        MethodHandle[] filters = new MethodHandle[slots.length];
        for (int i = 0; i < slots.length; i++) {
            Slot slot = slots[i];
            MethodHandle convert = slot.mode == Slot.Mode.PLAIN
                    ? MethodHandles.insertArguments(WRITE_PLAIN, 0, slot, slot.codec)
                    : MethodHandles.insertArguments(WRITE_ANY, 0, slot);
            filters[i] = MethodHandles.filterReturnValue(slot.getter, convert);
        }
        MethodHandle spread = MethodHandles.filterArguments(collector, 0, filters);
        return MethodHandles.permuteArguments(spread, MethodType.methodType(Value[].class, Object.class),
                new int[slots.length]);
    }

    private static Value writePlain(Slot slot, FieldCodec codec, Object javaValue) {
        if (javaValue == null) {
            return Value.Null.INSTANCE;
        }
        try {
            return codec.toValue(javaValue);
        } catch (RuntimeException e) {
            return slot.toValue(javaValue); // the slow path rethrows with model, field and column
        }
    }

    private static Value writeAny(Slot slot, Object javaValue) {
        return slot.toValue(javaValue);
    }

    private static Object readPlain(Slot slot, FieldCodec codec, int position, ResultRow row) throws SQLException {
        Object value = read(slot, codec, position, row);
        return value == FieldCodec.NULL ? slot.nullValue() : value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object readRef(Slot slot, FieldCodec codec, Class target, int position, ResultRow row)
            throws SQLException {
        Object value = read(slot, codec, position, row);
        return value == FieldCodec.NULL ? null : Ref.id(target, value);
    }

    private static Object readAny(Slot slot, int position, ResultRow row) throws SQLException {
        return slot.fromValue(row.value(position));
    }

    /** The codec's read of the column; on failure the column is read again as a value for the message. */
    private static Object read(Slot slot, FieldCodec codec, int position, ResultRow row) throws SQLException {
        try {
            return codec.read(row, position);
        } catch (Unconvertible e) {
            throw slot.readFailure(row.value(position), e);
        }
    }
}
