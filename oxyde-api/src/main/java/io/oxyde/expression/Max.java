package io.oxyde.expression;

import io.oxyde.codec.AggregateFunction;
import io.oxyde.metamodel.ComparableAttribute;
import io.oxyde.metamodel.NumberAttribute;

/** The SQL {@code max} aggregate, for {@code annotate(...)}: {@code Max.of("field")}. */
public final class Max {

    private Max() {
    }

    /** {@code max(field)}; the path may cross foreign keys. */
    public static Aggregation of(String field) {
        return new Aggregation(AggregateFunction.MAX, field, false);
    }

    /** {@code max(field)} of a typed numeric attribute. */
    public static Aggregation of(NumberAttribute<?, ?> field) {
        return of(field.path());
    }

    /** {@code max(field)} of a typed ordered attribute (text, dates, enums...). */
    public static Aggregation of(ComparableAttribute<?, ?> field) {
        return of(field.path());
    }
}
