package io.oxyde.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An INSERT of one row or many ({@code bulk_create}); every row has one value per column.
 *
 * @param model the model's name, for messages only (may be {@code null})
 * @param table the table
 * @param columns the inserted columns
 * @param rows the rows, each as long as {@code columns}
 * @param returning columns to return (RETURNING, or generated keys where the dialect lacks it)
 * @param onConflict upsert behaviour, or {@code null}
 */
public record InsertIr(String model, String table, List<String> columns, List<List<Value>> rows,
                       List<String> returning, OnConflict onConflict) implements QueryIr {

    public InsertIr {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        List<List<Value>> copy = new ArrayList<>(rows.size()); // a loop, not a stream: bulk inserts copy every row
        for (List<Value> row : rows) {
            copy.add(List.copyOf(row));
        }
        rows = Collections.unmodifiableList(copy);
        returning = List.copyOf(returning);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != columns.size()) {
                throw new IllegalArgumentException("rows[" + i + "] has " + rows.get(i).size()
                        + " values for " + columns.size() + " columns");
            }
        }
    }

    @Override
    public Operation operation() {
        return Operation.INSERT;
    }
}
