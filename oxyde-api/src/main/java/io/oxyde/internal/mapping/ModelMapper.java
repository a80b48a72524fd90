package io.oxyde.internal.mapping;

import io.oxyde.meta.FieldMeta;
import io.oxyde.exception.MappingException;
import io.oxyde.codec.Value;
import io.oxyde.internal.convert.FieldCodec;
import io.oxyde.internal.model.ModelMetaImpl;
import io.oxyde.internal.model.ModelMetas;
import io.oxyde.internal.model.ModelShape;
import io.oxyde.internal.model.ShapeField;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts instances of one model to IR values and back, through handles and codecs resolved
 * once per class (see {@link ModelMetas}); nothing is looked up by reflection per object or per
 * row. Rows are read through a {@link RowReader} prepared once per result shape and cached here
 * (readers are immutable, so one is shared by every query and thread that reads that shape).
 *
 * @param <T> the model class
 */
public final class ModelMapper<T> {

    private static final ClassValue<ModelMapper<?>> CACHE = new ClassValue<>() {
        @Override
        protected ModelMapper<?> computeValue(Class<?> type) {
            return new ModelMapper<>(ModelMetas.of(type));
        }
    };

    /**
     * Most result shapes cached per model. An application has a handful of shapes per model; one
     * that builds column lists dynamically must not grow the cache forever, so beyond this limit
     * readers are built per call, as before there was a cache.
     */
    static final int MAX_CACHED_READERS = 256;

    private final ModelMetaImpl<T> meta;
    private final Map<ReaderKey, RowReader<T>> readers = new ConcurrentHashMap<>();
    private final Slot[] slots;
    private final Map<String, Integer> byName = new HashMap<>();
    private final MethodHandle valuesWriter;
    private final List<String> columns;
    private final int primaryKeyIndex;

    private ModelMapper(ModelMetaImpl<T> meta) {
        this.meta = meta;
        List<FieldMeta> fields = meta.fields();
        List<ShapeField> stored = meta.storedFields();
        String modelName = meta.modelClass().getSimpleName();
        slots = new Slot[fields.size()];
        for (int i = 0; i < slots.length; i++) {
            FieldMeta f = fields.get(i);
            ShapeField sf = stored.get(i);
            if (f.isForeignKey()) {
                ModelShape target = ModelShape.of(f.foreignKey().target());
                ShapeField referenced = target.primaryKey();
                for (ShapeField candidate : target.fields()) {
                    if (candidate.name().equals(f.foreignKey().targetField())) {
                        referenced = candidate; // @ForeignKey(toField = ...)
                    }
                }
                FieldCodec codec = referenced.scalar().codec();
                slots[i] = new Slot(modelName, sf, f, codec, f.foreignKey().ref() ? Slot.Mode.REF : Slot.Mode.MODEL, target,
                        referenced);
            } else {
                slots[i] = new Slot(modelName, sf, f, io.oxyde.internal.convert.Decimals.atColumnScale(sf.scalar().codec(), f),
                        Slot.Mode.PLAIN, null, null);
            }
            byName.putIfAbsent(f.name(), i); // a multi-column foreign key: its first column
        }
        valuesWriter = SlotHandles.valuesWriter(slots);
        columns = fields.stream().map(FieldMeta::column).toList();
        primaryKeyIndex = fields.indexOf(meta.primaryKey());
    }

    /** The mapper of a model class, built once and cached. */
    @SuppressWarnings("unchecked")
    public static <T> ModelMapper<T> of(Class<T> type) {
        return (ModelMapper<T>) CACHE.get(type);
    }

    /** The model's metadata. */
    public ModelMetaImpl<T> meta() {
        return meta;
    }

    /** The column names of {@link ModelMetaImpl#fields()}, in order. */
    public List<String> columns() {
        return columns;
    }

    /** The index of the primary key in {@link ModelMetaImpl#fields()}. */
    public int primaryKeyIndex() {
        return primaryKeyIndex;
    }

    /** The values of every column of {@code model}, in the order of {@link ModelMetaImpl#fields()}. */
    public List<Value> toValues(T model) {
        Value[] out;
        try {
            out = (Value[]) valuesWriter.invokeExact((Object) model);
        } catch (MappingException e) {
            throw e;
        } catch (Throwable t) {
            throw new MappingException("cannot read the fields of " + meta.modelClass().getSimpleName() + ": " + t, t);
        }
        return Arrays.asList(out);
    }

    /** The value of column {@code index} (an index into {@link ModelMetaImpl#fields()}) of {@code model}. */
    public Value toValue(T model, int index) {
        Slot slot = slots[index];
        return slot.toValue(slot.get(model));
    }

    /** The Java value of a field of {@code model} (for a foreign key, the Ref or model as declared). */
    public Object get(T model, int index) {
        return slots[index].get(model);
    }

    /**
     * The IR value of a Java value for the named field, as used in filters and update maps. A
     * foreign key accepts a {@code Ref}, a target model instance or the raw id.
     *
     * @throws MappingException when the field is unknown or the value does not fit it
     */
    public Value toValue(String field, Object javaValue) {
        return slots[indexOf(field)].toValue(javaValue);
    }

    /**
     * The IR values of a Java value for the named field, one per column: one for most fields,
     * one per key column for a foreign key to a composite key (a {@code Ref}, a target model or
     * the list of key values).
     *
     * @throws MappingException when the field is unknown or the value does not fit it
     */
    public List<Value> toValues(String field, Object javaValue) {
        int first = indexOf(field);
        int width = slots[first].part == 0 ? slots[first].meta.foreignKey().columns().size() : 1;
        List<Value> out = new ArrayList<>(width);
        for (int i = first; i < first + width; i++) {
            out.add(slots[i].toValue(javaValue));
        }
        return out;
    }

    /** The index of a field name in {@link ModelMetaImpl#fields()}. */
    public int indexOf(String field) {
        Integer index = byName.get(field);
        if (index == null) {
            throw new MappingException(meta.modelClass().getSimpleName() + " has no column field \"" + field + "\" (fields: "
                    + meta.fields().stream().map(FieldMeta::name).toList() + ")");
        }
        return index;
    }

    /**
     * A reader for rows with these columns; every column of the model must be present. Columns
     * that are not the model's are ignored.
     */
    public RowReader<T> reader(List<String> columns) {
        return reader(columns, "", false);
    }

    /** A reader for rows holding some of the model's columns; absent fields get {@code null} / zero. */
    public RowReader<T> partialReader(List<String> columns) {
        return reader(columns, "", true);
    }

    /**
     * A reader for rows whose columns for this model are named {@code prefix + column} (e.g. a
     * joined table's columns). Exact names win; otherwise names match ignoring case.
     *
     * @param partial whether absent model columns are allowed (they get {@code null} / zero)
     * @throws MappingException listing the missing columns when {@code partial} is false
     */
    public RowReader<T> reader(List<String> columns, String prefix, boolean partial) {
        return reader(columns, prefix, partial, List.of());
    }

    /**
     * {@link #reader(List, String, boolean)} whose {@link RowReader#read(Attached)} takes the
     * values of the named fields from an {@link Attached} when set there (an eager join's models).
     */
    public RowReader<T> reader(List<String> columns, String prefix, boolean partial, List<String> attached) {
        RowReader<T> cached = readers.get(new ReaderKey(columns, prefix, partial, attached));
        if (cached != null) {
            return cached;
        }
        RowReader<T> built = build(columns, prefix, partial, attached);
        if (readers.size() < MAX_CACHED_READERS) {
            // the key holds the reader's own immutable copy of the columns, never the caller's list
            RowReader<T> raced = readers.putIfAbsent(new ReaderKey(built.columns(), prefix, partial,
                    List.copyOf(attached)), built);
            return raced != null ? raced : built;
        }
        return built;
    }

    /** The number of result shapes whose readers are cached (for tests). */
    int cachedReaders() {
        return readers.size();
    }

    private RowReader<T> build(List<String> columns, String prefix, boolean partial, List<String> attached) {
        Map<String, Integer> exact = new HashMap<>();
        Map<String, Integer> folded = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            exact.putIfAbsent(columns.get(i), i);
            folded.putIfAbsent(columns.get(i).toLowerCase(Locale.ROOT), i);
        }
        List<Slot> present = new ArrayList<>();
        List<MethodHandle> readers = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            Slot slot = slots[i];
            if (slot.part > 0) {
                continue; // read with the key's first column
            }
            int width = slot.part == 0 ? slot.meta.foreignKey().columns().size() : 1;
            int[] positions = new int[width];
            boolean found = true;
            for (int k = 0; k < width; k++) {
                String name = prefix + slots[i + k].meta.column();
                Integer pos = exact.get(name);
                if (pos == null) {
                    pos = folded.get(name.toLowerCase(Locale.ROOT));
                }
                if (pos == null) {
                    missing.add(name);
                    found = false;
                } else {
                    positions[k] = pos;
                }
            }
            if (found) {
                present.add(slot);
                readers.add(width == 1 ? SlotHandles.reader(slot, positions[0])
                        : CompositeRefReader.reader(Arrays.copyOfRange(slots, i, i + width), positions));
            }
        }
        if (!missing.isEmpty() && !partial) {
            throw new MappingException("cannot read " + meta.modelClass().getSimpleName() + " from columns " + columns
                    + ": missing " + missing);
        }
        return new RowReader<>(meta.modelClass(), meta.shape(), columns, present.toArray(new Slot[0]),
                readers.toArray(new MethodHandle[0]), attached);
    }

    /** One model from one row; prefer a prepared {@link #reader} for many rows. */
    public T fromRow(List<String> columns, List<Value> row) {
        return reader(columns).read(row);
    }

    /**
     * A result shape: the columns in order, the column prefix, whether absent fields are allowed
     * and the fields attached from joins.
     */
    private record ReaderKey(List<String> columns, String prefix, boolean partial, List<String> attached) {
    }
}
