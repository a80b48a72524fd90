package io.oxyde.driver.internal;

import io.oxyde.codec.Value;
import io.oxyde.driver.ResultRow;

/**
 * A {@link ResultRow} over values already read: a result frame's row, a generated key, the one
 * cell of a count. A typed read takes a cell of its own kind as it is and answers
 * {@link ResultRow#CONVERT} for any other, so the reader converts that cell from its value.
 */
public final class ValuesRow extends TypedRow {

    private final Value[] cells;

    /** A row of these cells (kept, not copied). */
    public ValuesRow(Value[] cells) {
        this.cells = cells;
    }

    @Override
    public int size() {
        return cells.length;
    }

    @Override
    public Value value(int i) {
        return cells[i];
    }

    @Override
    public boolean isNull(int i) {
        return cells[i] instanceof Value.Null;
    }

    @Override
    public int readLong(int i) {
        Value v = cells[i];
        if (v instanceof Value.Int n) {
            longValue = n.value();
            return READ;
        }
        return notOfTheKind(v);
    }

    @Override
    public int readDouble(int i) {
        Value v = cells[i];
        if (v instanceof Value.Float f) {
            doubleValue = f.value();
            return READ;
        }
        return notOfTheKind(v);
    }

    @Override
    public int readText(int i) {
        Value v = cells[i];
        if (v instanceof Value.Text t) {
            textValue = t.value();
            return READ;
        }
        return notOfTheKind(v);
    }

    @Override
    public int readDecimal(int i) {
        Value v = cells[i];
        if (v instanceof Value.Decimal d) {
            decimalValue = d.value();
            return READ;
        }
        return notOfTheKind(v);
    }





    /** What a typed read answers for a cell not of its kind: NULL for SQL NULL, else CONVERT. */
    private static int notOfTheKind(Value v) {
        return v instanceof Value.Null ? NULL : CONVERT;
    }

    @Override
    public String toString() {
        return java.util.Arrays.toString(cells);
    }
}
