package io.oxyde.codec.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The field-descriptor table of one IR record kind: its map keys in wire order (the order the
 * writer emits them and the order a reader reports missing required keys), the {@code type}
 * name of typed maps, how the record is built from the values read, and the protocol revision
 * that added the kind.
 *
 * @param <R> the record kind
 */
final class RecordShape<R> {

    private final byte[] type;
    private final List<ShapeField<R>> fields;
    private final Map<String, Integer> index = new HashMap<>();
    private final Function<Entries, R> build;
    private final String since;

    private RecordShape(String type, Function<Entries, R> build, List<ShapeField<R>> fields) {
        this(type == null ? null : EncodedNames.of(type), build, fields, "1.0");
    }

    private RecordShape(byte[] type, Function<Entries, R> build, List<ShapeField<R>> fields, String since) {
        if (fields.size() > Long.SIZE) {
            throw new IllegalArgumentException("more than 64 fields");
        }
        this.type = type;
        this.fields = fields;
        this.build = build;
        this.since = since;
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

    /** This kind, added by protocol revision {@code revision} (for example {@code "1.2"}). */
    RecordShape<R> since(String revision) {
        return new RecordShape<>(type, build, fields, revision);
    }

    /** The protocol revision that added this kind ({@code "1.0"} for version 1 itself). */
    String since() {
        return since;
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
