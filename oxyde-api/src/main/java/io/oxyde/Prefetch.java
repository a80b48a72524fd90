package io.oxyde;

import java.util.Objects;

/**
 * A to-many relation to prefetch through a query of its own (Django's {@code Prefetch}):
 * {@code db.objects(Artist.class).prefetch(Prefetch.of("albums",
 * db.objects(Album.class).filter("title__contains", "Live").orderBy("title")))} loads into each
 * artist only its live albums, in title order. The query's filter, joins, order and own
 * prefetches apply (the key orders last, so ties keep one order); its model must be the
 * relation's. A nested path ({@code "albums__tracks"}) loads the levels before the last one
 * whole. A query with limit, offset, a set operation, a lock, values or annotations is refused:
 * the relation is read with one {@code IN} query per 500 parents, where those would apply to
 * all parents at once rather than to each.
 */
public final class Prefetch {

    private final String path;
    private final Query<?> query;

    private Prefetch(String path, Query<?> query) {
        this.path = path;
        this.query = query;
    }

    /** Prefetches the to-many relation {@code path} with {@code query} (a query of its target model). */
    public static Prefetch of(String path, Query<?> query) {
        return new Prefetch(Objects.requireNonNull(path, "path"), Objects.requireNonNull(query, "query"));
    }

    /** The relation path. */
    public String path() {
        return path;
    }

    Query<?> query() {
        return query;
    }

    @Override
    public String toString() {
        return "Prefetch(" + path + ", " + query.core().model().getSimpleName() + " query)";
    }
}
