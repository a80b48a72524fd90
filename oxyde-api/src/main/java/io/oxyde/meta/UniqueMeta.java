package io.oxyde.meta;

import java.util.List;
import io.oxyde.annotation.Table;

/**
 * A multi-column unique constraint ({@link Table#uniqueTogether()}).
 *
 * @param name the constraint name
 * @param columns the column names
 */
public record UniqueMeta(String name, List<String> columns) {

    public UniqueMeta {
        columns = List.copyOf(columns);
    }
}
