package io.oxyde.internal.mapping;

import io.oxyde.exception.MappingException;
import io.oxyde.codec.Value;
import io.oxyde.internal.model.ModelShape;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds model instances from rows of one result shape. Column positions are resolved when the
 * reader is made ({@link ModelMapper#reader}) and composed with the codecs and the constructor
 * into method-handle trees (see {@link SlotHandles}); reading a row then does no lookups by name
 * and no reflection: for a record it is one call of a {@code (List<Value>)Object} handle that
 * converts every column and calls the canonical constructor; for a class, the no-arg
 * constructor and one {@code (Object, List<Value>)void} handle per column. Thread-safe; keep one
 * per result shape.
 *
 * @param <T> the model class
 */
public final class RowReader<T> {

    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final ModelShape shape;
    private final List<String> columns;
    private final int width;
    private final Class<T> type;
    private final MethodHandle recordReader;
    private final MethodHandle[] fieldWriters;
    private final Slot[] slots;

    /**
     * @param slots one per field read (for a multi-column foreign key, its first column's slot)
     * @param readers {@code (Value[])Object} per slot: the field value from a row
     */
    RowReader(Class<T> type, ModelShape shape, List<String> columns, Slot[] slots, MethodHandle[] readers) {
        this.type = type;
        this.shape = shape;
        this.columns = List.copyOf(columns);
        this.width = columns.size();
        this.slots = slots;
        if (shape.record()) {
            Object[] defaults = shape.defaults();
            MethodHandle[] filters = new MethodHandle[defaults.length];
            for (int i = 0; i < defaults.length; i++) {
                filters[i] = MethodHandles.dropArguments(MethodHandles.constant(Object.class, defaults[i]), 0, Value[].class);
            }
            for (int i = 0; i < slots.length; i++) {
                filters[slots[i].field.index()] = readers[i];
            }
            MethodHandle spread = MethodHandles.filterArguments(shape.canonical(), 0, filters);
            this.recordReader = MethodHandles.permuteArguments(spread, MethodType.methodType(Object.class, Value[].class),
                    new int[defaults.length]);
            this.fieldWriters = null;
        } else {
            this.recordReader = null;
            this.fieldWriters = new MethodHandle[slots.length];
            for (int i = 0; i < slots.length; i++) {
                fieldWriters[i] = MethodHandles.filterArguments(slots[i].setter.asType(SETTER), 1, readers[i]);
            }
        }
    }

    /** The result columns this reader was prepared for. */
    public List<String> columns() {
        return columns;
    }

    /**
     * The model of one row, whose values are in the order of {@link #columns()}.
     *
     * @throws MappingException naming model, field, column and value when a value does not convert
     */
    public T read(List<Value> row) {
        return read(row.toArray(new Value[0]));
    }

    /**
     * The model of one row as a {@link io.oxyde.driver.RowSink} receives it (the array may be
     * reused once this returns).
     *
     * @throws MappingException naming model, field, column and value when a value does not convert
     */
    public T read(Value[] row) {
        if (row.length != width) {
            throw new MappingException("a row of " + row.length + " values does not match the " + width
                    + " columns " + columns + " this " + type.getSimpleName() + " reader was prepared for");
        }
        if (recordReader != null) {
            try {
                return type.cast((Object) recordReader.invokeExact(row));
            } catch (MappingException e) {
                throw e;
            } catch (Throwable t) {
                throw new MappingException("the constructor of record " + type.getSimpleName() + " rejected the row "
                        + java.util.Arrays.toString(row) + ": " + t, t);
            }
        }
        Object instance;
        try {
            instance = shape.instantiate(null);
        } catch (RuntimeException e) {
            throw new MappingException("the constructor of " + type.getSimpleName() + " failed: " + e, e);
        }
        MethodHandle[] writers = fieldWriters;
        for (int i = 0; i < writers.length; i++) {
            try {
                writers[i].invokeExact(instance, row);
            } catch (MappingException e) {
                throw e;
            } catch (Throwable t) {
                throw new MappingException("cannot set " + slots[i].where() + " from column \"" + slots[i].meta.column()
                        + "\": " + t, t);
            }
        }
        return type.cast(instance);
    }

    /** The models of many rows. */
    public List<T> readAll(List<List<Value>> rows) {
        List<T> out = new ArrayList<>(rows.size());
        for (List<Value> row : rows) {
            out.add(read(row));
        }
        return out;
    }
}
