package io.oxyde.dialect.internal;

import io.oxyde.codec.Value;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one column of a result's current row as a {@link Value}. A dialect's
 * {@link StorageFormat} chooses one per column once per result shape, so the row loop only calls
 * the chosen readers.
 */
@FunctionalInterface
public interface ColumnReader {
    /** The column's value in the current row ({@link Value.Null} for SQL NULL). */
    Value read(ResultSet rs, int column) throws SQLException;
}
