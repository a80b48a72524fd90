package io.oxyde.expression;

import io.oxyde.ValuesQuery;
import java.util.Objects;

/**
 * A scalar subquery: the one value a query selects for each row of the enclosing query (the
 * first row's, NULL when there is none), as a filter operand ({@code filter("total__gte",
 * Subquery.of(q))}) or an annotation ({@code annotate("firstTrack", Subquery.of(q))}). The query
 * selects one path ({@code values("name")}) and usually refers to the enclosing row through
 * {@link OuterRef}; order it and {@code limit(1)} when it may match several rows (a database
 * fails a scalar subquery with more than one row).
 */
public final class Subquery implements Expression {

    private final ValuesQuery<?> query;

    private Subquery(ValuesQuery<?> query) {
        this.query = Objects.requireNonNull(query, "query");
    }

    /** The value the query selects, for each row of the enclosing query. */
    public static Subquery of(ValuesQuery<?> query) {
        return new Subquery(query);
    }

    /** The query. */
    public ValuesQuery<?> query() {
        return query;
    }

    @Override
    public String toString() {
        return "Subquery(" + query + ")";
    }
}
