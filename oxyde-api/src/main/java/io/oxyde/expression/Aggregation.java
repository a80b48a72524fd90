package io.oxyde.expression;

import io.oxyde.codec.AggregateFunction;

/**
 * An aggregate over a field for {@code annotate(...)} and {@code having(...)}: build one with
 * {@link Count#of}, {@link Sum#of}, {@link Avg#of}, {@link Min#of} or {@link Max#of}. The
 * field may cross foreign keys ({@code Sum.of("invoice__total")}).
 *
 * @param function the SQL aggregate
 * @param field    the field path, or {@code null} for {@code count(*)}
 * @param distinct whether duplicates are dropped first
 */
public record Aggregation(AggregateFunction function, String field, boolean distinct) implements Expression {

    /** The same aggregate over distinct values. */
    public Aggregation distinctValues() {
        return new Aggregation(function, field, true);
    }
}
