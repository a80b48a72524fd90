package io.oxyde.expression;

import io.oxyde.Query;
import io.oxyde.ValuesQuery;
import java.util.Objects;

/**
 * {@code EXISTS (subquery)}: a condition that holds when the query has at least one row, for
 * {@code filter(Exists.of(q))}, {@code exclude(Exists.of(q))} and {@code Q.of(Exists.of(q))}. The
 * query usually refers to the enclosing row through {@link OuterRef} (a correlated subquery):
 * {@code db.objects(Artist.class).filter(Exists.of(db.objects(Album.class).filter("artist",
 * OuterRef.of("id"))))}. Under {@code exclude} it is {@code NOT EXISTS}, which (unlike
 * {@code NOT IN}) is never confused by NULLs.
 */
public final class Exists {

    private final Object query;

    private Exists(Object query) {
        this.query = Objects.requireNonNull(query, "query");
    }

    /** Whether a model query has a row. */
    public static Exists of(Query<?> query) {
        return new Exists(query);
    }

    /** Whether a values query has a row. */
    public static Exists of(ValuesQuery<?> query) {
        return new Exists(query);
    }

    /** The query, a {@link Query} or a {@link ValuesQuery}. */
    public Object query() {
        return query;
    }

    @Override
    public String toString() {
        return "Exists(" + query + ")";
    }
}
