package io.oxyde.internal.mapping;

import io.oxyde.exception.MappingException;
import io.oxyde.exception.OxydeException;
import io.oxyde.driver.ResultRow;
import io.oxyde.codec.Value;
import io.oxyde.internal.model.ModelShape;
import io.oxyde.internal.model.ShapeField;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds model instances from rows of one result shape. Column positions are resolved when the
 * reader is made ({@link ModelMapper#reader}) and composed with the codecs and the constructor
 * into method-handle trees (see {@link SlotHandles}); reading a row then does no lookups by name
 * and no reflection: for a record it is one call of a {@code (ResultRow)Object} handle that
 * converts every column and calls the canonical constructor; for a class, the no-arg
 * constructor and one {@code (Object, ResultRow)void} handle per column. Columns are read
 * through the codecs' typed reads ({@link io.oxyde.internal.convert.FieldCodec#read}), so a row
 * of numbers and text makes no {@code Value} per cell. Thread-safe; keep one
 * per result shape.
 *
 * @param <T> the model class
 */
public final class RowReader<T> {

    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);
    private static final MethodHandle ATTACHED_ROW;
    private static final MethodHandle ATTACHED_HAS;
    private static final MethodHandle ATTACHED_VALUE;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            ATTACHED_ROW = lookup.findVirtual(Attached.class, "row", MethodType.methodType(ResultRow.class));
            ATTACHED_HAS = lookup.findVirtual(Attached.class, "has", MethodType.methodType(boolean.class, int.class));
            ATTACHED_VALUE = lookup.findVirtual(Attached.class, "value", MethodType.methodType(Object.class, int.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ModelShape shape;
    private final List<String> columns;
    private final int width;
    private final Class<T> type;
    private final MethodHandle recordReader;
    /** Records with attached fields: the constructor tree over an {@link Attached}; else {@code null}. */
    private final MethodHandle attachedReader;
    private final ShapeField[] attached;
    /** Classes: the setters of the attached fields, as {@code (Object, Object)void}; records: {@code null}. */
    private final MethodHandle[] attachedSetters;
    private final MethodHandle[] fieldWriters;
    private final Slot[] slots;

    /**
     * @param slots    one per field read (for a multi-column foreign key, its first column's slot)
     * @param readers  {@code (ResultRow)Object} per slot: the field value from a row
     * @param attached the fields {@link #read(Attached)} takes from an {@link Attached} when set there
     */
    RowReader(Class<T> type, ModelShape shape, List<String> columns, Slot[] slots, MethodHandle[] readers,
              List<String> attached) {
        this.type = type;
        this.shape = shape;
        this.columns = List.copyOf(columns);
        this.width = columns.size();
        this.slots = slots;
        this.attached = attachedFields(shape, attached);
        if (shape.record()) {
            Object[] defaults = shape.defaults();
            MethodHandle[] filters = new MethodHandle[defaults.length];
            for (int i = 0; i < defaults.length; i++) {
                filters[i] = MethodHandles.dropArguments(MethodHandles.constant(Object.class, defaults[i]), 0, ResultRow.class);
            }
            for (int i = 0; i < slots.length; i++) {
                filters[slots[i].field.index()] = readers[i];
            }
            this.recordReader = spread(filters, ResultRow.class);
            this.attachedReader = this.attached.length == 0 ? null : spread(withAttached(filters, this.attached), Attached.class);
            this.attachedSetters = null;
            this.fieldWriters = null;
        } else {
            this.recordReader = null;
            this.attachedReader = null;
            this.attachedSetters = new MethodHandle[this.attached.length];
            for (int k = 0; k < this.attached.length; k++) {
                attachedSetters[k] = this.attached[k].setter().asType(SETTER);
            }
            this.fieldWriters = new MethodHandle[slots.length];
            for (int i = 0; i < slots.length; i++) {
                fieldWriters[i] = MethodHandles.filterArguments(slots[i].setter.asType(SETTER), 1, readers[i]);
            }
        }
    }

    /** The canonical constructor fed by one filter per component, as {@code (from)Object}. */
    private MethodHandle spread(MethodHandle[] filters, Class<?> from) {
        MethodHandle spread = MethodHandles.filterArguments(shape.canonical(), 0, filters);
        return MethodHandles.permuteArguments(spread, MethodType.methodType(Object.class, from), new int[filters.length]);
    }

    /** The component filters over an {@link Attached}: an attached value if set, else the row's. */
    private static MethodHandle[] withAttached(MethodHandle[] filters, ShapeField[] attached) {
        MethodHandle[] out = new MethodHandle[filters.length];
        for (int i = 0; i < filters.length; i++) {
            out[i] = MethodHandles.filterArguments(filters[i], 0, ATTACHED_ROW);
        }
        for (int k = 0; k < attached.length; k++) {
            int i = attached[k].index();
            out[i] = MethodHandles.guardWithTest(MethodHandles.insertArguments(ATTACHED_HAS, 1, k),
                    MethodHandles.insertArguments(ATTACHED_VALUE, 1, k), out[i]);
        }
        return out;
    }

    private static ShapeField[] attachedFields(ModelShape shape, List<String> names) {
        ShapeField[] out = new ShapeField[names.size()];
        for (int k = 0; k < out.length; k++) {
            String name = names.get(k);
            out[k] = shape.fields().stream().filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> new MappingException(shape.type().getSimpleName() + " has no field \"" + name
                            + "\" to attach a joined model to"));
        }
        return out;
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
     * The model of one row of values.
     *
     * @throws MappingException naming model, field, column and value when a value does not convert
     */
    public T read(Value[] row) {
        return readValues(ResultRow.of(row));
    }

    /**
     * The model of a row that is not a cursor ({@link ResultRow#of}): a caller reading many
     * rows of values can refill one array behind one view instead of making a view per row.
     */
    public T readValues(ResultRow row) {
        try {
            return read(row);
        } catch (SQLException e) {
            throw new IllegalStateException("a row of values cannot fail as a cursor does", e);
        }
    }

    /**
     * The model of the row a {@link io.oxyde.driver.RowSink} is on: each column read once,
     * through its codec's typed read.
     *
     * @throws MappingException naming model, field, column and value when a value does not convert
     * @throws SQLException     from the cursor
     */
    public T read(ResultRow row) throws SQLException {
        if (row.size() != width) {
            throw new MappingException("a row of " + row.size() + " values does not match the " + width
                    + " columns " + columns + " this " + type.getSimpleName() + " reader was prepared for");
        }
        if (recordReader != null) {
            try {
                return type.cast((Object) recordReader.invokeExact(row));
            } catch (SQLException | OxydeException e) {
                throw e;
            } catch (Throwable t) {
                throw rejected(row, t);
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
            } catch (SQLException | OxydeException e) {
                throw e;
            } catch (Throwable t) {
                throw new MappingException("cannot set " + slots[i].where() + " from column \"" + slots[i].meta.column()
                        + "\": " + t, t);
            }
        }
        return type.cast(instance);
    }

    /**
     * The model of the row {@code attached} is on, its attached fields set to the values given
     * there (the others read from the row): an eager join's related models, without building the
     * model twice.
     *
     * @throws SQLException from the cursor
     */
    public T read(Attached attached) throws SQLException {
        ResultRow row = attached.row();
        if (attachedReader == null) {
            T model = read(row); // a class, or a record with nothing attached
            for (int k = 0; attachedSetters != null && k < attachedSetters.length; k++) {
                if (attached.has(k)) {
                    try {
                        attachedSetters[k].invokeExact((Object) model, attached.value(k));
                    } catch (Throwable t) {
                        throw new MappingException("cannot set " + type.getSimpleName() + "." + this.attached[k].name()
                                + " to its joined model: " + t, t);
                    }
                }
            }
            return model;
        }
        if (row.size() != width) {
            return read(row); // fails naming the width
        }
        try {
            return type.cast((Object) attachedReader.invokeExact(attached));
        } catch (SQLException | OxydeException e) {
            throw e;
        } catch (Throwable t) {
            throw rejected(row, t);
        }
    }

    private MappingException rejected(ResultRow row, Throwable t) {
        return new MappingException("the constructor of record " + type.getSimpleName() + " rejected the row "
                + describe(row) + ": " + t, t);
    }

    /** The row's values for a message (read again; a cursor's columns can be). */
    private static String describe(ResultRow row) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            try {
                out.append(row.value(i));
            } catch (SQLException | RuntimeException e) {
                out.append('?');
            }
        }
        return out.append(']').toString();
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
