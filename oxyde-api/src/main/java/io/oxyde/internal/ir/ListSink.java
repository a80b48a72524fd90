package io.oxyde.internal.ir;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.driver.ResultRow;
import io.oxyde.driver.RowSink;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The row sink of queries whose rows become plain values (a {@code values()} query's maps,
 * lists or typed rows; raw SQL's maps or models): each row is converted while the driver's cursor
 * is on it, by a function prepared once per result from its column labels, so no {@code RowSet}
 * is built and no row copied. The cells array is reused for every row: the function must copy
 * what it keeps (converting to Java values does). Each cell is read as its {@code Value}: these
 * rows are few or small, and their converters take any kind.
 *
 * @param <R> the type of one converted row
 */
public final class ListSink<R> implements RowSink {

    /** Prepares the row function of a result from its column labels. */
    @FunctionalInterface
    public interface Prepare<R> {
        /** The function that converts one row of a result with these columns. */
        Function<Value[], R> forColumns(List<String> columns);
    }

    private final List<ValueKind> kinds;
    private final Prepare<R> prepare;
    private final List<R> out = new ArrayList<>();
    private Function<Value[], R> convert;
    private Value[] cells;

    public ListSink(List<ValueKind> kinds, Prepare<R> prepare) {
        this.kinds = kinds;
        this.prepare = prepare;
    }

    @Override
    public List<ValueKind> expectedKinds() {
        return kinds;
    }

    @Override
    public void start(List<String> columns) {
        convert = prepare.forColumns(columns);
    }

    @Override
    public void row(ResultRow row) throws SQLException {
        if (cells == null || cells.length != row.size()) {
            cells = new Value[row.size()];
        }
        for (int i = 0; i < cells.length; i++) {
            cells[i] = row.value(i);
        }
        out.add(convert.apply(cells));
    }

    /** The converted rows, in result order. */
    public List<R> rows() {
        return out;
    }
}
