package io.oxyde.migrate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import io.oxyde.exception.MigrationException;

/**
 * A (possibly unique, possibly partial) index.
 *
 * @param name    index name (unique in the schema on PostgreSQL and SQLite)
 * @param columns indexed columns, in order
 * @param unique  whether it is a unique index
 * @param method  access method, BTREE when null
 * @param where   partial-index predicate as SQL, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndexDefinition(String name, List<String> columns, boolean unique, IndexMethod method, String where) {
    public IndexDefinition {
        if (name == null || name.isBlank()) {
            throw new MigrationException("an index needs a name (columns " + columns + ")");
        }
        if (columns == null || columns.isEmpty()) {
            throw new MigrationException("index " + name + " needs at least one column");
        }
        columns = List.copyOf(columns);
        method = method == null ? IndexMethod.BTREE : method;
    }

    public static IndexDefinition of(String name, String... columns) {
        return new IndexDefinition(name, List.of(columns), false, IndexMethod.BTREE, null);
    }

    public static IndexDefinition unique(String name, String... columns) {
        return new IndexDefinition(name, List.of(columns), true, IndexMethod.BTREE, null);
    }

    public IndexDefinition where(String predicate) {
        return new IndexDefinition(name, columns, unique, method, predicate);
    }

    public IndexDefinition using(IndexMethod newMethod) {
        return new IndexDefinition(name, columns, unique, newMethod, where);
    }

    public IndexDefinition withColumns(List<String> newColumns) {
        return new IndexDefinition(name, newColumns, unique, method, where);
    }
}
