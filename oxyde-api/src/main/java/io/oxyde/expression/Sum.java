package io.oxyde.expression;

import io.oxyde.codec.AggregateFunction;
import io.oxyde.metamodel.NumberAttribute;

/** The SQL {@code sum} aggregate, for {@code annotate(...)}: {@code Sum.of("field")}. */
public final class Sum {

    private Sum() {
    }

    /** {@code sum(field)}; the path may cross foreign keys. */
    public static Aggregation of(String field) {
        return new Aggregation(AggregateFunction.SUM, field, false);
    }

    /** {@code sum(field)} of a typed numeric attribute ({@code Sum.of(Track_.MILLISECONDS)}). */
    public static Aggregation of(NumberAttribute<?, ?> field) {
        return of(field.path());
    }
}
