package io.oxyde.driver.internal;

import io.oxyde.codec.RowSet;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.driver.ResultRow;
import io.oxyde.driver.RowSink;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The sink that keeps every row: the result frame the byte boundary encodes, and mutations' RETURNING rows. */
public final class RowSetSink implements RowSink {

    private final List<ValueKind> expected;
    private List<String> columns = List.of();
    private List<List<Value>> rows = new ArrayList<>();

    public RowSetSink(List<ValueKind> expected) {
        this.expected = expected;
    }

    @Override
    public List<ValueKind> expectedKinds() {
        return expected;
    }

    @Override
    public void start(List<String> columns) {
        this.columns = columns;
        this.rows = new ArrayList<>();
    }

    @Override
    public void row(ResultRow row) throws SQLException {
        Value[] cells = new Value[row.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = row.value(i);
        }
        rows.add(List.of(cells));
    }

    /** The rows received, as a frame. */
    public RowSet rowSet() {
        return new RowSet(columns, rows);
    }
}
