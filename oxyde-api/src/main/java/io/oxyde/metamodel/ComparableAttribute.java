package io.oxyde.metamodel;

import io.oxyde.F;
import io.oxyde.ValuesQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;

/**
 * An attribute whose values are ordered: adds {@code in}, {@code gt}, {@code gte},
 * {@code lt}, {@code lte} and {@code between}. Enums, UUIDs, {@code LocalTime} and
 * {@code Duration} fields are of this kind; numbers, text and dates have subclasses with
 * their own lookups. Compared with another field of the same model and type, it is a column
 * comparison in the database (the typed form of {@code F.col}).
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

    /**
     * {@code IN (subquery)}: the values a one-field values query of the same type selects
     * ({@code db.objects(X.class).filter(...).flatValues(X_.FIELD)}), null-safe under exclude.
     */
    public final Condition<M> in(ValuesQuery<V> subquery) {
        return lookup("in", subquery);
    }

    // ---- comparisons with other columns of the same row and type (typed F) -----------------

    /** {@code = other}, a field of the same type. */
    public final Condition<M> eq(ComparableAttribute<M, V> other) {
        return lookup("exact", F.col(other.path()));
    }

    /** {@code IS DISTINCT FROM other}. */
    public final Condition<M> ne(ComparableAttribute<M, V> other) {
        return lookup("ne", F.col(other.path()));
    }

    /** {@code > other}. */
    public final Condition<M> gt(ComparableAttribute<M, V> other) {
        return lookup("gt", F.col(other.path()));
    }

    /** {@code >= other}. */
    public final Condition<M> gte(ComparableAttribute<M, V> other) {
        return lookup("gte", F.col(other.path()));
    }

    /** {@code < other}. */
    public final Condition<M> lt(ComparableAttribute<M, V> other) {
        return lookup("lt", F.col(other.path()));
    }

    /** {@code <= other}. */
    public final Condition<M> lte(ComparableAttribute<M, V> other) {
        return lookup("lte", F.col(other.path()));
    }

    @Override
    <N> ComparableAttribute<N, V> rebase(Class<N> newModel, String newPath) {
        return new ComparableAttribute<>(newModel, newPath, javaType());
    }
}
