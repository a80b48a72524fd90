package io.oxyde;

import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.ValueKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;

/**
 * A model's full select list and the kinds the driver reads its columns as, built once per
 * model: nearly every query selects all of a model's columns, and rebuilding both lists per
 * query showed up in the allocation profile of a primary-key select.
 *
 * @param columns one column reference per field, in field order
 * @param kinds the kind of each column ({@code null} entries: read as stored)
 */
record ModelColumns(List<ColumnRef> columns, List<ValueKind> kinds) {

    private static final ConcurrentHashMap<ModelMeta<?>, ModelColumns> BY_MODEL = new ConcurrentHashMap<>();

    static ModelColumns of(ModelMeta<?> meta) {
        ModelColumns c = BY_MODEL.get(meta);
        return c != null ? c : BY_MODEL.computeIfAbsent(meta, ModelColumns::build);
    }

    private static ModelColumns build(ModelMeta<?> meta) {
        List<ColumnRef> columns = new ArrayList<>();
        List<ValueKind> kinds = new ArrayList<>();
        for (FieldMeta f : meta.fields()) {
            columns.add(ColumnRef.of(f.column()));
            kinds.add(QueryCore.kindOf(f));
        }
        return new ModelColumns(List.copyOf(columns), Collections.unmodifiableList(kinds));
    }
}
