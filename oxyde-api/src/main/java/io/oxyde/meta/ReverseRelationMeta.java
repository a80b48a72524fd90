package io.oxyde.meta;

import io.oxyde.annotation.OneToMany;

/**
 * A reverse foreign-key collection ({@link OneToMany}): the rows of {@code target} whose
 * foreign key {@code mappedBy} points at this model. It has no column of its own.
 *
 * @param name the Java field holding the collection, e.g. {@code albums}
 * @param target the element model, e.g. {@code Album}
 * @param mappedBy the target's foreign-key field, e.g. {@code artist}
 * @param column the target's foreign-key column, e.g. {@code artist_id}; for a foreign key to a
 *     composite key the first of its columns (the target's {@link ForeignKeyMeta#columns()} lists all)
 */
public record ReverseRelationMeta(String name, Class<?> target, String mappedBy, String column) {
}
