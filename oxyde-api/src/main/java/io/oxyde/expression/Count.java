package io.oxyde.expression;

import io.oxyde.codec.AggregateFunction;
import io.oxyde.metamodel.Attribute;

/** The SQL {@code count} aggregate (non-NULL values; {@link #all()} counts rows), for {@code annotate(...)}: {@code Count.of("field")}. */
public final class Count {

    private Count() {
    }

    /** {@code count(*)}: the number of rows. */
    public static Aggregation all() {
        return new Aggregation(AggregateFunction.COUNT, null, false);
    }

    /** {@code count(field)}; the path may cross foreign keys. */
    public static Aggregation of(String field) {
        return new Aggregation(AggregateFunction.COUNT, field, false);
    }

    /** {@code count(field)} of a typed attribute (a path through a to-many relation counts children). */
    public static Aggregation of(Attribute<?, ?> field) {
        return of(field.path());
    }
}
