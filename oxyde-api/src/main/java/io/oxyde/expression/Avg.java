package io.oxyde.expression;

import io.oxyde.codec.AggregateFunction;
import io.oxyde.metamodel.NumberAttribute;

/** The SQL {@code avg} aggregate, for {@code annotate(...)}: {@code Avg.of("field")}. */
public final class Avg {

    private Avg() {
    }

    /** {@code avg(field)}; the path may cross foreign keys. */
    public static Aggregation of(String field) {
        return new Aggregation(AggregateFunction.AVG, field, false);
    }

    /** {@code avg(field)} of a typed numeric attribute. */
    public static Aggregation of(NumberAttribute<?, ?> field) {
        return of(field.path());
    }
}
