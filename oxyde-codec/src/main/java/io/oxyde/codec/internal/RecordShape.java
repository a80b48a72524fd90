package io.oxyde.codec.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The field-descriptor table of one IR record kind: its map keys in wire order (the order the
 * writer emits them and the order a reader reports missing required keys), the {@code type}
 * name of typed maps, and how the record is built from the values read.
 *
 * @param <R> the record kind
 */
final class RecordShape<R> {

    private final byte[] type;
    private final List<ShapeField<R>> fields;
    private final Map<String, Integer> index = new HashMap<>();
    private final Function<Entries, R> build;

    private RecordShape(String type, Function<Entries, R> build, List<ShapeField<R>> fields) {
        if (fields.size() > Long.SIZE) {
            throw new IllegalArgumentException("more than 64 fields");
        }
        this.type = type == null ? null : EncodedNames.of(type);
        this.fields = fields;
        this.build = build;
        for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i).key(), i);
        }
    }

    /** A map whose first entry is {@code "type": type}. */
    @SafeVarargs
    static <R> RecordShape<R> typed(String type, Function<Entries, R> build, ShapeField<R>... fields) {
        return new RecordShape<>(type, build, List.of(fields));
    }

    /** A map without a {@code type} entry. */
    @SafeVarargs
    static <R> RecordShape<R> untyped(Function<Entries, R> build, ShapeField<R>... fields) {
        return new RecordShape<>(null, build, List.of(fields));
    }

    /** The encoded {@code type} name, or null for an untyped map. */
    byte[] type() {
        return type;
    }

    int size() {
        return fields.size();
    }

    ShapeField<R> field(int i) {
        return fields.get(i);
    }

    /** The position of {@code key}, or -1 when the kind has no such key. */
    int indexOf(String key) {
        Integer i = index.get(key);
        return i == null ? -1 : i;
    }

    /** The record built from the values read, one per field in field order. */
    R build(Entries entries) {
        return build.apply(entries);
    }

    /** The values of one map read, by field position. */
    static final class Entries {

        private final Object[] values;

        Entries(Object[] values) {
            this.values = values;
        }

        /** The value of the field at {@code i} (its absent value when the map had no such key). */
        @SuppressWarnings("unchecked")
        <T> T get(int i) {
            return (T) values[i];
        }
    }
}
