package io.oxyde.meta;

import io.oxyde.Ref;
import io.oxyde.migrate.ReferentialAction;
import java.util.List;

/**
 * The foreign-key part of a {@link FieldMeta}: which model and column it references and what
 * the database does on delete and update of the referenced row.
 *
 * <p>A foreign key to a model with a composite primary key has one column per key column; the
 * model then has one {@link FieldMeta} per column, all with the Java field's name, and
 * {@link #columns()} / {@link #targetColumns()} list the whole key, pair for pair.
 *
 * @param target the referenced model class
 * @param targetTable the referenced table
 * @param targetField the referenced Java field: the target's primary key (for a composite key, the
 *     key field this column holds), or the unique field of {@code @ForeignKey(toField = ...)}
 * @param targetColumn the referenced column
 * @param onDelete the action on delete of the referenced row
 * @param onUpdate the action on update of the referenced key
 * @param ref whether the field is declared as {@link Ref}; {@code false} for a plain model-typed field
 * @param columns every referencing column of the foreign key, in the target key's order (one for a single key)
 * @param targetColumns the referenced columns, pair for pair with {@code columns}
 */
public record ForeignKeyMeta(
        Class<?> target,
        String targetTable,
        String targetField,
        String targetColumn,
        ReferentialAction onDelete,
        ReferentialAction onUpdate,
        boolean ref,
        List<String> columns,
        List<String> targetColumns) {

    public ForeignKeyMeta {
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
    }

    /** Whether the foreign key has several columns (it references a composite primary key). */
    public boolean composite() {
        return columns.size() > 1;
    }
}
