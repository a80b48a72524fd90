package io.oxyde.driver;

import io.oxyde.codec.Value;
import io.oxyde.driver.internal.ValuesRow;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;

/**
 * The current row of a result, as a {@link RowSink} sees it: a view of the JDBC cursor, not a
 * copy. A column can be read as a {@link Value} (read and converted to the kind the sink
 * expects, the general road) or, for the kinds that a model holds most, straight into a
 * primitive or object with no {@code Value} in between: the shape of Jdbi's typed
 * {@code ColumnMapper}s, so reading a row of longs and strings allocates only the strings.
 *
 * <p>A typed read answers {@link #READ} (the value is in {@link #longValue()} and its
 * siblings until the next read), {@link #NULL} (SQL NULL), or {@link #CONVERT}: this column
 * cannot be read so directly (its storage differs from the kind, SQLite's text decimals say),
 * so call {@link #value} for it (whose value may then be {@link Value.Null}: a column that is
 * not read directly is not read at all before that). Each column is meant to be read once per row; the view is only
 * valid inside {@link RowSink#row}.
 */
public interface ResultRow {

    /** A typed read found a value, now in {@link #longValue()}, {@link #doubleValue()}, ... */
    int READ = 1;
    /** A typed read found SQL NULL. */
    int NULL = 0;
    /** The column cannot be read as that type directly: read it with {@link #value}. */
    int CONVERT = -1;

    /** A row of values already read (a frame's row, a generated key): every typed read of a non-matching kind answers {@link #CONVERT}. */
    static ResultRow of(Value... cells) {
        return new ValuesRow(cells);
    }

    /** {@link #of(Value...)} of a list. */
    static ResultRow of(List<Value> cells) {
        return new ValuesRow(cells.toArray(new Value[0]));
    }

    /** The number of columns. */
    int size();

    /**
     * Column {@code i} (0-based) as a value of the kind the sink expects.
     *
     * @throws io.oxyde.exception.ValueDecodeException naming column and row when the stored
     *     value does not convert to the expected kind
     */
    Value value(int i) throws SQLException;

    /** Whether column {@code i} is SQL NULL (the column may then be read again). */
    boolean isNull(int i) throws SQLException;

    /** Column {@code i} as a long: {@link #READ} (see {@link #longValue()}), {@link #NULL} or {@link #CONVERT}. */
    int readLong(int i) throws SQLException;

    /** Column {@code i} as a double: {@link #READ} (see {@link #doubleValue()}), {@link #NULL} or {@link #CONVERT}. */
    int readDouble(int i) throws SQLException;

    /** Column {@code i} as text: {@link #READ} (see {@link #textValue()}), {@link #NULL} or {@link #CONVERT}. */
    int readText(int i) throws SQLException;

    /** Column {@code i} as an exact decimal: {@link #READ} (see {@link #decimalValue()}), {@link #NULL} or {@link #CONVERT}. */
    int readDecimal(int i) throws SQLException;

    /** The long of the last {@link #readLong} that answered {@link #READ}. */
    long longValue();

    /** The double of the last {@link #readDouble} that answered {@link #READ}. */
    double doubleValue();

    /** The text of the last {@link #readText} that answered {@link #READ}. */
    String textValue();

    /** The decimal of the last {@link #readDecimal} that answered {@link #READ}. */
    BigDecimal decimalValue();
}
