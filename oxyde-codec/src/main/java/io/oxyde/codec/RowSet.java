package io.oxyde.codec;

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
        rows = rows.stream().map(List::copyOf).toList();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != columns.size()) {
                throw new IllegalArgumentException("rows[" + i + "] has " + rows.get(i).size()
                        + " values for " + columns.size() + " columns");
            }
        }
    }
}
