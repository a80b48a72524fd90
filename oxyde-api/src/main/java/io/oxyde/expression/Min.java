package io.oxyde.expression;

import io.oxyde.codec.AggregateFunction;
import io.oxyde.metamodel.ComparableAttribute;
import io.oxyde.metamodel.NumberAttribute;

/** The SQL {@code min} aggregate, for {@code annotate(...)}: {@code Min.of("field")}. */
public final class Min {

    private Min() {
    }

    /** {@code min(field)}; the path may cross foreign keys. */
    public static Aggregation of(String field) {
        return new Aggregation(AggregateFunction.MIN, field, false);
    }

    /** {@code min(field)} of a typed numeric attribute. */
    public static Aggregation of(NumberAttribute<?, ?> field) {
        return of(field.path());
    }

    /** {@code min(field)} of a typed ordered attribute (text, dates, enums...). */
    public static Aggregation of(ComparableAttribute<?, ?> field) {
        return of(field.path());
    }
}
