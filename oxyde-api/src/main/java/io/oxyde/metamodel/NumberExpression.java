package io.oxyde.metamodel;

import io.oxyde.F;
import java.util.Objects;

/**
 * Arithmetic over numeric attributes of one model, typed: the metamodel's form of {@link F}
 * ({@code Track_.MILLISECONDS.div(1000)}, {@code Track_.UNIT_PRICE.mul(2).add(Track_.BYTES)}).
 * Numeric attributes and expressions compare with it ({@code Track_.BYTES.lt(Track_.MILLISECONDS.mul(20))})
 * and {@link Assignments} take it as an update value. Because the model is a type parameter, an
 * expression over another model's fields does not compile; text, dates and booleans have no
 * arithmetic, so {@code Track_.NAME.mul(2)} does not compile either.
 *
 * @param <M> the model whose fields the expression reads
 */
public final class NumberExpression<M> {

    private final F f;

    NumberExpression(F f) {
        this.f = Objects.requireNonNull(f, "f");
    }

    /** The untyped {@link F} this expression stands for (what the string API would take). */
    public F f() {
        return f;
    }

    /** {@code this + n}. */
    public NumberExpression<M> add(Number n) {
        return new NumberExpression<>(f.add(n));
    }

    /** {@code this + other field}. */
    public NumberExpression<M> add(NumberAttribute<M, ?> other) {
        return new NumberExpression<>(f.add(F.col(other)));
    }

    /** {@code this + other}. */
    public NumberExpression<M> add(NumberExpression<M> other) {
        return new NumberExpression<>(f.add(other.f));
    }

    /** {@code this - n}. */
    public NumberExpression<M> sub(Number n) {
        return new NumberExpression<>(f.sub(n));
    }

    /** {@code this - other field}. */
    public NumberExpression<M> sub(NumberAttribute<M, ?> other) {
        return new NumberExpression<>(f.sub(F.col(other)));
    }

    /** {@code this - other}. */
    public NumberExpression<M> sub(NumberExpression<M> other) {
        return new NumberExpression<>(f.sub(other.f));
    }

    /** {@code this * n}. */
    public NumberExpression<M> mul(Number n) {
        return new NumberExpression<>(f.mul(n));
    }

    /** {@code this * other field}. */
    public NumberExpression<M> mul(NumberAttribute<M, ?> other) {
        return new NumberExpression<>(f.mul(F.col(other)));
    }

    /** {@code this * other}. */
    public NumberExpression<M> mul(NumberExpression<M> other) {
        return new NumberExpression<>(f.mul(other.f));
    }

    /** {@code this / n} (integer division follows the database, see {@code docs/queries.md}). */
    public NumberExpression<M> div(Number n) {
        return new NumberExpression<>(f.div(n));
    }

    /** {@code this / other field}. */
    public NumberExpression<M> div(NumberAttribute<M, ?> other) {
        return new NumberExpression<>(f.div(F.col(other)));
    }

    /** {@code this / other}. */
    public NumberExpression<M> div(NumberExpression<M> other) {
        return new NumberExpression<>(f.div(other.f));
    }

    /** {@code -this}. */
    public NumberExpression<M> neg() {
        return new NumberExpression<>(f.neg());
    }

    @Override
    public String toString() {
        return f.toString();
    }
}
