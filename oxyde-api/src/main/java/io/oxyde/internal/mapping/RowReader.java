package io.oxyde.internal.mapping;

import io.oxyde.MappingException;
import io.oxyde.codec.Value;
import io.oxyde.internal.model.ModelShape;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds model instances from rows of one result shape. Column positions are resolved when the
 * reader is made ({@link ModelMapper#reader}); reading a row is then a loop over prepared slots:
 * one codec call per column and one constructor (records) or constructor plus setter calls
 * (classes), with no lookups by name and no reflection. Thread-safe; keep one per result shape.
 *
 * @param <T> the model class
 */
public final class RowReader<T> {

    private final ModelShape shape;
    private final List<String> columns;
    private final Slot[] slots;
    private final int[] positions;
    private final Class<T> type;

    RowReader(Class<T> type, ModelShape shape, List<String> columns, Slot[] slots, int[] positions) {
        this.type = type;
        this.shape = shape;
        this.columns = List.copyOf(columns);
        this.slots = slots;
        this.positions = positions;
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
        if (row.size() != columns.size()) {
            throw new MappingException("a row of " + row.size() + " values does not match the " + columns.size()
                    + " columns " + columns + " this " + type.getSimpleName() + " reader was prepared for");
        }
        if (shape.record()) {
            Object[] args = shape.defaults().clone();
            for (int i = 0; i < slots.length; i++) {
                Slot slot = slots[i];
                args[slot.field.index()] = slot.fromValue(row.get(positions[i]));
            }
            try {
                return type.cast(shape.instantiate(args));
            } catch (RuntimeException e) {
                throw new MappingException("the constructor of record " + type.getSimpleName() + " rejected the row "
                        + row + ": " + e, e);
            }
        }
        Object instance;
        try {
            instance = shape.instantiate(null);
        } catch (RuntimeException e) {
            throw new MappingException("the constructor of " + type.getSimpleName() + " failed: " + e, e);
        }
        for (int i = 0; i < slots.length; i++) {
            Slot slot = slots[i];
            Object value = slot.fromValue(row.get(positions[i]));
            try {
                slot.setter.invokeExact(instance, value);
            } catch (Throwable t) {
                throw new MappingException("cannot set " + slot.where() + " to " + value + ": " + t, t);
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
