package io.oxyde.expression;

import io.oxyde.Q;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A conditional value (SQL {@code CASE WHEN … THEN … ELSE … END}, Django's {@code Case}/
 * {@code When}): {@code Case.when(Q.of("milliseconds__gt", 300_000), Literal.of("long"))
 * .when(Q.of("milliseconds__gt", 180_000), Literal.of("medium")).otherwise(Literal.of("short"))}.
 * The first condition that holds gives the value; without {@code otherwise} the rest is NULL. A
 * value follows the function rules: a {@code String} names a field, {@link Literal#of} or a
 * number is a bound value, an {@link Expression} nests. Use it wherever an expression goes:
 * {@code annotate}, a function argument, an {@code update} value.
 */
public final class Case implements Expression {

    private final List<Q> conditions;
    private final List<Object> values;
    private final Object otherwise;

    private Case(List<Q> conditions, List<Object> values, Object otherwise) {
        this.conditions = List.copyOf(conditions);
        this.values = List.copyOf(values);
        this.otherwise = otherwise;
    }

    /** Starts a case: {@code value} where {@code condition} holds. */
    public static Case when(Q condition, Object value) {
        return new Case(List.of(), List.of(), null).orWhen(condition, value);
    }

    /** Starts a case on a typed condition ({@code Track_.MILLISECONDS.gt(300_000)}). */
    public static Case when(io.oxyde.metamodel.Condition<?> condition, Object value) {
        return when(Objects.requireNonNull(condition, "condition").q(), value);
    }

    /** {@link #orWhen(Q, Object)} on a typed condition. */
    public Case orWhen(io.oxyde.metamodel.Condition<?> condition, Object value) {
        return orWhen(Objects.requireNonNull(condition, "condition").q(), value);
    }

    /** Adds a later branch: {@code value} where {@code condition} holds and no earlier one did. */
    public Case orWhen(Q condition, Object value) {
        if (otherwise != null) {
            throw new IllegalStateException("otherwise(...) ends a case; add branches before it");
        }
        List<Q> c = new ArrayList<>(conditions);
        c.add(Objects.requireNonNull(condition, "condition"));
        List<Object> v = new ArrayList<>(values);
        v.add(Objects.requireNonNull(value, "value (use Literal.of(null) for NULL)"));
        return new Case(c, v, null);
    }

    /** The value where no condition holds (NULL without it). */
    public Case otherwise(Object value) {
        return new Case(conditions, values, Objects.requireNonNull(value, "value (use Literal.of(null) for NULL)"));
    }

    /** The conditions, in order. */
    public List<Q> conditions() {
        return conditions;
    }

    /** The value of each condition. */
    public List<Object> values() {
        return values;
    }

    /** The value where no condition holds, or {@code null} for SQL NULL. */
    public Object otherwise() {
        return otherwise;
    }

    @Override
    public String toString() {
        return "Case" + conditions + "->" + values + " else " + otherwise;
    }
}
