package io.oxyde.metamodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import io.oxyde.expression.Avg;
import io.oxyde.F;
import io.oxyde.ValuesQuery;
import io.oxyde.expression.Sum;

/**
 * A numeric attribute ({@code int}, {@code long}, {@code double}, {@code BigDecimal}…): the
 * ordered lookups, and operands may be any {@link Number} (numbers widen within their family
 * as in the string API, so {@code Track_.ID.eq(1)} works for a {@code Long} key). Usable in
 * {@link Sum#of}, {@link Avg#of} and {@link F#col} expressions; text lookups do not exist here,
 * so {@code Track_.MILLISECONDS.icontains("x")} does not compile, nor does comparing with a
 * {@code String}.
 *
 * @param <M> the model the path starts from
 * @param <V> the Java type of the field's values
 */
public final class NumberAttribute<M, V extends Number> extends Attribute<M, V> {

    NumberAttribute(Class<M> model, String path, Class<?> javaType) {
        super(model, path, javaType);
    }

    /** A numeric attribute. */
    public static <M, V extends Number> NumberAttribute<M, V> of(Class<M> model, String path, Class<?> javaType) {
        return new NumberAttribute<>(model, path, javaType);
    }

    /** {@code = value} for any number (widened to the field's type, checked at run time). */
    public Condition<M> eq(Number value) {
        return lookup("exact", value);
    }

    /** {@code IS DISTINCT FROM value}. */
    public Condition<M> ne(Number value) {
        return lookup("ne", value);
    }

    /** {@code > value}. */
    public Condition<M> gt(Number value) {
        return lookup("gt", value);
    }

    /** {@code >= value}. */
    public Condition<M> gte(Number value) {
        return lookup("gte", value);
    }

    /** {@code < value}. */
    public Condition<M> lt(Number value) {
        return lookup("lt", value);
    }

    /** {@code <= value}. */
    public Condition<M> lte(Number value) {
        return lookup("lte", value);
    }

    /** {@code IN (values)}; an empty collection matches no rows, NULL elements are ignored. */
    public Condition<M> in(Collection<? extends Number> values) {
        return lookup("in", new ArrayList<>(values));
    }

    /** {@code IN (values)}. */
    public Condition<M> in(Number... values) {
        return lookup("in", Arrays.asList(values));
    }

    /** {@code BETWEEN low AND high} (inclusive). */
    public Condition<M> between(Number low, Number high) {
        return lookup("between", Arrays.asList(low, high));
    }

    // ---- comparisons with other columns of the row (typed F) ---------------------------------

    /** {@code = other} (another numeric field of the same row). */
    public Condition<M> eq(NumberAttribute<M, ?> other) {
        return lookup("exact", F.col(other));
    }

    /** {@code = expression}. */
    public Condition<M> eq(NumberExpression<M> expression) {
        return lookup("exact", expression.f());
    }

    /** {@code IS DISTINCT FROM other}. */
    public Condition<M> ne(NumberAttribute<M, ?> other) {
        return lookup("ne", F.col(other));
    }

    /** {@code IS DISTINCT FROM expression}. */
    public Condition<M> ne(NumberExpression<M> expression) {
        return lookup("ne", expression.f());
    }

    /** {@code > other}. */
    public Condition<M> gt(NumberAttribute<M, ?> other) {
        return lookup("gt", F.col(other));
    }

    /** {@code > expression}. */
    public Condition<M> gt(NumberExpression<M> expression) {
        return lookup("gt", expression.f());
    }

    /** {@code >= other}. */
    public Condition<M> gte(NumberAttribute<M, ?> other) {
        return lookup("gte", F.col(other));
    }

    /** {@code >= expression}. */
    public Condition<M> gte(NumberExpression<M> expression) {
        return lookup("gte", expression.f());
    }

    /** {@code < other}. */
    public Condition<M> lt(NumberAttribute<M, ?> other) {
        return lookup("lt", F.col(other));
    }

    /** {@code < expression}. */
    public Condition<M> lt(NumberExpression<M> expression) {
        return lookup("lt", expression.f());
    }

    /** {@code <= other}. */
    public Condition<M> lte(NumberAttribute<M, ?> other) {
        return lookup("lte", F.col(other));
    }

    /** {@code <= expression}. */
    public Condition<M> lte(NumberExpression<M> expression) {
        return lookup("lte", expression.f());
    }

    /**
     * {@code IN (subquery)}: the numbers a one-field values query selects
     * ({@code db.objects(X.class).filter(...).flatValues(X_.FIELD)}), null-safe under exclude.
     */
    public Condition<M> in(ValuesQuery<? extends Number> subquery) {
        return lookup("in", subquery);
    }

    // ---- arithmetic (typed F) ------------------------------------------------------------------

    /** {@code this + n}. */
    public NumberExpression<M> add(Number n) {
        return expr().add(n);
    }

    /** {@code this + other}. */
    public NumberExpression<M> add(NumberAttribute<M, ?> other) {
        return expr().add(other);
    }

    /** {@code this - n}. */
    public NumberExpression<M> sub(Number n) {
        return expr().sub(n);
    }

    /** {@code this - other}. */
    public NumberExpression<M> sub(NumberAttribute<M, ?> other) {
        return expr().sub(other);
    }

    /** {@code this * n}. */
    public NumberExpression<M> mul(Number n) {
        return expr().mul(n);
    }

    /** {@code this * other}. */
    public NumberExpression<M> mul(NumberAttribute<M, ?> other) {
        return expr().mul(other);
    }

    /** {@code this / n}. */
    public NumberExpression<M> div(Number n) {
        return expr().div(n);
    }

    /** {@code this / other}. */
    public NumberExpression<M> div(NumberAttribute<M, ?> other) {
        return expr().div(other);
    }

    /** This field as an expression, to build arithmetic on ({@code F.col(this)}, typed). */
    public NumberExpression<M> expr() {
        return new NumberExpression<>(F.col(this));
    }

    @Override
    <N> NumberAttribute<N, V> rebase(Class<N> newModel, String newPath) {
        return new NumberAttribute<>(newModel, newPath, javaType());
    }
}
