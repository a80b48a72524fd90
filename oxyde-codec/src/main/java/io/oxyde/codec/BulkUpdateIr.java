package io.oxyde.codec;

import java.util.List;
import java.util.Objects;

/**
 * Many rows updated with different values in one statement ({@code bulk_update}), rendered as
 * {@code SET col = CASE key WHEN … THEN … END WHERE key IN (…)}.
 *
 * @param model the model's name, for messages only (may be {@code null})
 * @param table the table
 * @param keyColumn the column identifying each row, usually the primary key
 * @param columns the updated columns
 * @param rows the rows, each with one value per column
 */
public record BulkUpdateIr(String model, String table, String keyColumn, List<String> columns,
                           List<BulkUpdateRow> rows) implements QueryIr {

    public BulkUpdateIr {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(keyColumn, "keyColumn");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).values().size() != columns.size()) {
                throw new IllegalArgumentException("rows[" + i + "] has " + rows.get(i).values().size()
                        + " values for " + columns.size() + " columns");
            }
        }
    }

    @Override
    public Operation operation() {
        return Operation.BULK_UPDATE;
    }
}
