package io.oxyde.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows in columnar form: the column names once, then each row's typed values in column order.
 *
 * @param columns the result's column labels
 * @param rows the rows, each exactly as long as {@code columns}
 */
public record RowSet(List<String> columns, List<List<Value>> rows) implements ResultFrame {

    public RowSet {
        columns = List.copyOf(columns);
        rows = rows.isEmpty() ? List.of() : copy(rows, columns.size()); // empty: what a sink that took the rows leaves
    }

    private static List<List<Value>> copy(List<List<Value>> rows, int width) {
        // a loop, not a stream: this runs for every result; List.copyOf keeps already-immutable rows as they are
        List<List<Value>> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Value> row = List.copyOf(rows.get(i));
            if (row.size() != width) {
                throw new IllegalArgumentException("rows[" + i + "] has " + row.size()
                        + " values for " + width + " columns");
            }
            copy.add(row);
        }
        return Collections.unmodifiableList(copy);
    }
}
