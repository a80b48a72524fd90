package io.oxyde.meta;

import io.oxyde.annotation.ManyToMany;

/**
 * A many-to-many collection ({@link ManyToMany}) through a join model.
 *
 * @param name the Java field holding the collection, e.g. {@code tracks}
 * @param target the element model, e.g. {@code Track}
 * @param through the join model, e.g. {@code PlaylistTrack}
 * @param throughTable the join model's table
 * @param sourceField the join model's FK field pointing to the declaring model
 * @param sourceColumn that field's column (to a composite key, the first of its columns)
 * @param targetField the join model's FK field pointing to {@code target}
 * @param targetColumn that field's column (to a composite key, the first of its columns)
 */
public record ManyToManyMeta(
        String name,
        Class<?> target,
        Class<?> through,
        String throughTable,
        String sourceField,
        String sourceColumn,
        String targetField,
        String targetColumn) {
}
