package io.oxyde.internal.ir;

import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Lookup;
import java.util.List;

/**
 * A field path resolved against a model: the column it ends on, the lookup (if the path
 * named one) and the joins needed to reach it.
 */
public record Resolved(String path, String alias, FieldMeta field, ModelMeta<?> owner, Lookup lookup,
                       List<JoinStep> joins) {

    public Resolved {
        joins = List.copyOf(joins); // shared between threads once cached
    }

    /** The IR column reference. */
    public ColumnRef column() {
        return new ColumnRef(alias, field.column());
    }
}
