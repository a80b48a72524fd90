package io.oxyde.expression;

import java.util.Objects;

/**
 * A field of the query enclosing a subquery (Django's {@code OuterRef}), used as a filter value
 * inside the subquery: {@code db.objects(Album.class).filter("artist", OuterRef.of("id"))}
 * nested in {@code Exists.of(...)} or {@code Subquery.of(...)} of an artist query compares each
 * album's artist with the outer artist's id. The path may cross the outer model's foreign keys;
 * it is resolved (and checked) when the subquery is placed in the outer query.
 *
 * @param field the outer query's field path
 */
public record OuterRef(String field) {

    public OuterRef {
        Objects.requireNonNull(field, "field");
    }

    /** The outer query's field {@code field}. */
    public static OuterRef of(String field) {
        return new OuterRef(field);
    }

    /** The outer query's field, named by the metamodel ({@code OuterRef.of(Artist_.ID)}). */
    public static OuterRef of(io.oxyde.metamodel.Attribute<?, ?> field) {
        return new OuterRef(Objects.requireNonNull(field, "field").path());
    }

    @Override
    public String toString() {
        return "OuterRef(" + field + ")";
    }
}
