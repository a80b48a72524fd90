package io.oxyde.meta;

import io.oxyde.Ref;
import io.oxyde.migrate.ReferentialAction;

/**
 * The foreign-key part of a {@link FieldMeta}: which model and column it references and what
 * the database does on delete and update of the referenced row.
 *
 * @param target the referenced model class
 * @param targetTable the referenced table
 * @param targetField the referenced Java field: the target's primary key, or the unique field of
 *     {@code @ForeignKey(toField = ...)}
 * @param targetColumn the referenced column
 * @param onDelete the action on delete of the referenced row
 * @param onUpdate the action on update of the referenced key
 * @param ref whether the field is declared as {@link Ref}; {@code false} for a plain model-typed field
 */
public record ForeignKeyMeta(
        Class<?> target,
        String targetTable,
        String targetField,
        String targetColumn,
        ReferentialAction onDelete,
        ReferentialAction onUpdate,
        boolean ref) {
}
