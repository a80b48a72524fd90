package io.oxyde.meta;

import java.util.List;
import io.oxyde.annotation.Column;
import io.oxyde.annotation.Table;
import io.oxyde.migrate.IndexMethod;

/**
 * A secondary index of a model, from {@link Table#indexes()} or {@link Column#index()}.
 *
 * @param name the index name
 * @param columns the indexed column names, in order
 * @param unique whether the index is unique
 * @param method the access method
 * @param where the partial-index predicate, or {@code null}
 */
public record IndexMeta(String name, List<String> columns, boolean unique, IndexMethod method, String where) {

    public IndexMeta {
        columns = List.copyOf(columns);
    }
}
