package io.oxyde.metamodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;

/**
 * An attribute whose values are ordered: adds {@code in}, {@code gt}, {@code gte},
 * {@code lt}, {@code lte} and {@code between}. Enums, UUIDs, {@code LocalTime} and
 * {@code Duration} fields are of this kind; numbers, text and dates have subclasses with
 * their own lookups.
 *
 * @param <M> the model the path starts from
 * @param <V> the Java type of the field's values
 */
public class ComparableAttribute<M, V> extends ScalarAttribute<M, V> {

    ComparableAttribute(Class<M> model, String path, Class<?> javaType) {
        super(model, path, javaType);
    }

    /** An ordered attribute (enums, UUIDs, times, durations). */
    public static <M, V> ComparableAttribute<M, V> comparable(Class<M> model, String path, Class<?> javaType) {
        return new ComparableAttribute<>(model, path, javaType);
    }

    /** {@code IN (values)}; an empty collection matches no rows, NULL elements are ignored. */
    public final Condition<M> in(Collection<? extends V> values) {
        return lookup("in", new ArrayList<>(values));
    }

    /** {@code IN (values)}. */
    @SafeVarargs
    public final Condition<M> in(V... values) {
        return lookup("in", Arrays.asList(values));
    }

    /** {@code > value}. */
    public final Condition<M> gt(V value) {
        return lookup("gt", value);
    }

    /** {@code >= value}. */
    public final Condition<M> gte(V value) {
        return lookup("gte", value);
    }

    /** {@code < value}. */
    public final Condition<M> lt(V value) {
        return lookup("lt", value);
    }

    /** {@code <= value}. */
    public final Condition<M> lte(V value) {
        return lookup("lte", value);
    }

    /** {@code BETWEEN low AND high} (inclusive). */
    public final Condition<M> between(V low, V high) {
        return lookup("between", Arrays.asList(low, high));
    }

    @Override
    <N> ComparableAttribute<N, V> rebase(Class<N> newModel, String newPath) {
        return new ComparableAttribute<>(newModel, newPath, javaType());
    }
}
