package io.oxyde.codec.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One map key of an IR record kind on the wire: whether the key must be present, when the
 * writer emits it, how its value is written from the record and read back, and the value a
 * reader assumes when the key is absent, and the protocol revision that added the key
 * ({@code "1.0"} for the keys of version 1 itself; documentation, receivers accept every revision).
 *
 * @param <R> the record kind the key belongs to
 */
record ShapeField<R>(String key, byte[] encodedKey, boolean required, Object absent,
        Predicate<R> present, Put<R> put, Get get, String since) {

    /** Writes one value. */
    @FunctionalInterface
    interface Out<T> {
        void write(ShapeWriter w, T value) throws IOException;
    }

    /** Writes a field's value taken from its record. */
    @FunctionalInterface
    interface Put<R> {
        void write(ShapeWriter w, R record) throws IOException;
    }

    /** Reads a field's value; the reader's path already ends with the field's key. */
    @FunctionalInterface
    interface Get {
        Object read(ShapeReader r) throws IOException;
    }

    private static <R, T> ShapeField<R> of(String key, boolean required, Object absent, Predicate<R> present,
            Function<R, T> value, Out<T> out, Get get) {
        return new ShapeField<>(key, EncodedNames.of(key), required, absent, present,
                (w, record) -> out.write(w, value.apply(record)), get, "1.0");
    }

    /** A key every record of the kind has. */
    static <R, T> ShapeField<R> required(String key, Function<R, T> value, Out<T> out, Get get) {
        return of(key, true, null, record -> true, value, out, get);
    }

    /** A key written when its value is not null; null when absent. */
    static <R, T> ShapeField<R> optional(String key, Function<R, T> value, Out<T> out, Get get) {
        return of(key, false, null, record -> value.apply(record) != null, value, out, get);
    }

    /** A list written when not empty; the empty list when absent. */
    static <R, T> ShapeField<R> list(String key, Function<R, List<T>> value, Out<List<T>> out, Get get) {
        return of(key, false, List.of(), record -> !value.apply(record).isEmpty(), value, out, get);
    }

    /** A key written when its value differs from {@code absent}, which a reader assumes without it. */
    static <R, T> ShapeField<R> unlessDefault(String key, Function<R, T> value, T absent, Out<T> out, Get get) {
        return of(key, false, absent, record -> value.apply(record) != absent, value, out, get);
    }

    /** A boolean written as {@code true} when set; false when absent. */
    static <R> ShapeField<R> flag(String key, Predicate<R> value) {
        return new ShapeField<>(key, EncodedNames.of(key), false, false, value,
                (w, record) -> w.bool(true), ShapeReader::bool, "1.0");
    }

    /** This field, added by protocol revision {@code revision} (for example {@code "1.3"}). */
    ShapeField<R> since(String revision) {
        return new ShapeField<>(key, encodedKey, required, absent, present, put, get, revision);
    }
}
