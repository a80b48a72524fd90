package io.oxyde.internal.ir;

import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Lookup;
import io.oxyde.internal.model.CompositeForeignKeys;
import java.util.List;

/**
 * A field path resolved against a model: the column it ends on, the lookup (if the path
 * named one) and the joins needed to reach it. {@code relationTest} marks {@code relation__isnull}
 * on a to-many relation, which tests one column of the joined row (its first foreign-key column,
 * NULL exactly when no row is joined, however many columns the foreign key has).
 */
public record Resolved(String path, String alias, FieldMeta field, ModelMeta<?> owner, Lookup lookup,
                       List<JoinStep> joins, boolean relationTest) {

    public Resolved {
        joins = List.copyOf(joins); // shared between threads once cached
    }

    /** A path ending on a field. */
    public Resolved(String path, String alias, FieldMeta field, ModelMeta<?> owner, Lookup lookup, List<JoinStep> joins) {
        this(path, alias, field, owner, lookup, joins, false);
    }

    /**
     * The IR column reference.
     *
     * @throws FieldException when the path ends on a foreign key to a composite key, which has
     *     several columns (only filters and orderBy take it whole)
     */
    public ColumnRef column() {
        if (!relationTest) {
            CompositeForeignKeys.single(owner.modelClass(), field, path);
        }
        return new ColumnRef(alias, field.column());
    }

    /** The IR column references of the path's field: one, or each column of a foreign key to a composite key. */
    public List<ColumnRef> columns() {
        return CompositeForeignKeys.columnsOf(owner, field).stream().map(f -> new ColumnRef(alias, f.column())).toList();
    }
}
