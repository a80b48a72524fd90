package io.oxyde.metamodel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import io.oxyde.Query;
import io.oxyde.F;

/**
 * Typed values for {@code Query.update(...)}: each field is set to a value of its own type or,
 * for numbers, to an {@link F} expression;
 * {@code Assignments.of(Track_.UNIT_PRICE, F.col(Track_.UNIT_PRICE).mul(2)).set(Track_.COMPOSER, "AC/DC")}.
 * Immutable; {@link #toMap()} is the string API's {@code Map}.
 *
 * @param <M> the model being updated
 */
public final class Assignments<M> {

    private final Map<String, Object> values;

    private Assignments(Map<String, Object> values) {
        this.values = values;
    }

    /** Sets {@code attribute} to {@code value}. */
    public static <M, V> Assignments<M> of(ScalarAttribute<M, V> attribute, V value) {
        return new Assignments<M>(new LinkedHashMap<>()).set(attribute, value);
    }

    /** Sets a numeric {@code attribute} to a number (widened to the field's type, as in the string API). */
    public static <M> Assignments<M> of(NumberAttribute<M, ?> attribute, Number value) {
        return new Assignments<M>(new LinkedHashMap<>()).set(attribute, value);
    }

    /** Sets a numeric {@code attribute} to a database-side expression. */
    public static <M> Assignments<M> of(NumberAttribute<M, ?> attribute, F expression) {
        return new Assignments<M>(new LinkedHashMap<>()).set(attribute, expression);
    }

    /** One assignment of a typed expression ({@link #set(NumberAttribute, NumberExpression)}). */
    public static <M> Assignments<M> of(NumberAttribute<M, ?> attribute, NumberExpression<M> expression) {
        return new Assignments<M>(new LinkedHashMap<>()).set(attribute, expression);
    }

    /** These assignments plus {@code attribute = value}. */
    public <V> Assignments<M> set(ScalarAttribute<M, V> attribute, V value) {
        return put(attribute, value);
    }

    /** These assignments plus {@code attribute = value} for a numeric field. */
    public Assignments<M> set(NumberAttribute<M, ?> attribute, Number value) {
        return put(attribute, value);
    }

    /** These assignments plus {@code attribute = expression}. */
    public Assignments<M> set(NumberAttribute<M, ?> attribute, F expression) {
        return put(attribute, expression);
    }

    /**
     * Sets a numeric field to an expression over this model's fields, computed by the database
     * ({@code Track_.MILLISECONDS.div(1000)}).
     */
    public Assignments<M> set(NumberAttribute<M, ?> attribute, NumberExpression<M> expression) {
        return put(attribute, expression.f());
    }

    /**
     * Sets a field to a database function of this model's fields ({@code Upper.of(Track_.NAME)}),
     * as {@code update(Map.of("name", Upper.of("name")))} does.
     */
    public <V> Assignments<M> set(ScalarAttribute<M, V> attribute, io.oxyde.expression.FunctionCall function) {
        return put(attribute, function);
    }

    private Assignments<M> put(Attribute<M, ?> attribute, Object value) {
        if (attribute.path().contains("__")) {
            throw new IllegalArgumentException("update(...) sets fields of the model itself, not " + attribute
                    + " across a relation");
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(attribute.path(), value);
        return new Assignments<>(copy);
    }

    /** The assignments as the string API's map, field name to value or {@link F}. */
    public Map<String, Object> toMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
