package io.oxyde.driver.internal;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.dialect.internal.ColumnReader;
import io.oxyde.dialect.internal.DirectRead;
import io.oxyde.dialect.internal.StorageFormat;
import io.oxyde.driver.ResultRow;
import io.oxyde.exception.ValueDecodeException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@link ResultRow} over a JDBC cursor: one per result, moved along by
 * {@link StatementRunner}. How each column may be read directly ({@link DirectRead}) is decided
 * once, from the dialect's column reader and the kind the sink expects; a typed read of another
 * kind answers {@link #CONVERT} without touching the cursor, and on SQLite a cell whose storage
 * class did not match is kept so that {@link #value} converts it without reading it again.
 */
final class CursorRow extends TypedRow {

    private final ResultSet rs;
    private final List<String> columns;
    private final ColumnReader[] readers;
    private final ValueKind[] want;
    private final DirectRead[] direct;
    private final StorageFormat format;
    private final String pool;
    private final String sql;
    private int rowNumber;
    /** A SQLite cell read by a typed read that did not match, for {@link #value} of its column. */
    private Object pending;
    private int pendingColumn = -1;

    CursorRow(ResultSet rs, Reads reads, StorageFormat format, String pool, String sql) {
        this.rs = rs;
        this.columns = reads.layout().columns();
        this.readers = reads.layout().readers();
        this.want = reads.want();
        this.direct = reads.direct();
        this.format = format;
        this.pool = pool;
        this.sql = sql;
    }

    /**
     * How a result's columns are read for a sink that expects {@code expected}: the kind wanted
     * per column and the direct read it allows. Decided once and kept with the cached statement
     * (the arrays are never written after), so a repeated query allocates neither.
     */
    record Reads(ResultLayout layout, List<ValueKind> expected, ValueKind[] want, DirectRead[] direct) {

        static Reads of(ResultLayout layout, List<ValueKind> expected) {
            int n = layout.size();
            ValueKind[] want = new ValueKind[n];
            if (expected != null) {
                for (int i = 0; i < n && i < expected.size(); i++) {
                    want[i] = expected.get(i);
                }
            }
            DirectRead[] direct = new DirectRead[n];
            for (int i = 0; i < n; i++) {
                direct[i] = DirectRead.of(layout.readers()[i], want[i]);
            }
            // a copy (kinds may be null: not known) that nobody writes
            return new Reads(layout, expected == null ? null : java.util.Arrays.asList(expected.toArray(new ValueKind[0])),
                    want, direct);
        }

        /** Whether these reads were decided for {@code layout} and a sink expecting {@code kinds}. */
        boolean fits(ResultLayout layout, List<ValueKind> kinds) {
            return this.layout == layout && sameKinds(expected, kinds);
        }

        /** List equality without iterators (this runs once per result). */
        private static boolean sameKinds(List<ValueKind> a, List<ValueKind> b) {
            if (a == b) {
                return true;
            }
            if (a == null || b == null || a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The cursor is on row {@code n} (1-based, for error messages). */
    void moveTo(int n) {
        rowNumber = n;
        pendingColumn = -1;
        pending = null;
    }

    @Override
    public int size() {
        return readers.length;
    }

    @Override
    public Value value(int i) throws SQLException {
        Value v;
        if (pendingColumn == i) {
            v = DirectRead.objectValue(pending);
            pendingColumn = -1;
            pending = null;
        } else {
            v = readers[i].read(rs, i + 1);
        }
        if (want[i] == null) {
            return v;
        }
        try {
            return format.convert(v, want[i]);
        } catch (IllegalArgumentException e) {
            throw new ValueDecodeException("column '" + columns.get(i) + "' (result column " + (i + 1)
                    + ", row " + rowNumber + "): " + e.getMessage(), pool, sql, columns.get(i), want[i], e);
        }
    }

    @Override
    public boolean isNull(int i) throws SQLException {
        if (pendingColumn == i) {
            return pending == null;
        }
        if (direct[i] == DirectRead.LONG) { // a join's key: no box
            rs.getLong(i + 1);
            return rs.wasNull();
        }
        Object o = rs.getObject(i + 1);
        if (direct[i] == DirectRead.OBJECT) {
            keep(i, o);
        }
        return o == null;
    }

    @Override
    public int readLong(int i) throws SQLException {
        DirectRead d = direct[i];
        if (d == DirectRead.LONG) {
            long v = rs.getLong(i + 1);
            if (rs.wasNull()) {
                return NULL;
            }
            longValue = v;
            return READ;
        }
        if (d == DirectRead.OBJECT) {
            Object o = cell(i);
            if (o == null) {
                return NULL;
            }
            if ((o instanceof Long || o instanceof Integer) && DirectRead.agrees(want[i], ValueKind.INT)) {
                longValue = ((Number) o).longValue();
                return READ;
            }
            keep(i, o);
        }
        return CONVERT;
    }

    @Override
    public int readDouble(int i) throws SQLException {
        DirectRead d = direct[i];
        if (d == DirectRead.DOUBLE) {
            double v = rs.getDouble(i + 1);
            if (rs.wasNull()) {
                return NULL;
            }
            doubleValue = v;
            return READ;
        }
        if (d == DirectRead.OBJECT) {
            Object o = cell(i);
            if (o == null) {
                return NULL;
            }
            if (o instanceof Double x && DirectRead.agrees(want[i], ValueKind.FLOAT)) {
                doubleValue = x;
                return READ;
            }
            keep(i, o);
        }
        return CONVERT;
    }

    @Override
    public int readText(int i) throws SQLException {
        DirectRead d = direct[i];
        if (d == DirectRead.TEXT) {
            String v = rs.getString(i + 1);
            if (v == null) {
                return NULL;
            }
            textValue = v;
            return READ;
        }
        if (d == DirectRead.OBJECT) {
            Object o = cell(i);
            if (o == null) {
                return NULL;
            }
            if (o instanceof String s && DirectRead.agrees(want[i], ValueKind.TEXT)) {
                textValue = s;
                return READ;
            }
            keep(i, o);
        }
        return CONVERT;
    }

    @Override
    public int readDecimal(int i) throws SQLException {
        if (direct[i] == DirectRead.DECIMAL) {
            BigDecimal v = rs.getBigDecimal(i + 1);
            if (v == null) {
                return NULL;
            }
            decimalValue = v;
            return READ;
        }
        if (direct[i] == DirectRead.OBJECT) { // SQLite keeps decimals as text: converted from the value
            Object o = cell(i);
            if (o == null) {
                return NULL;
            }
            keep(i, o);
        }
        return CONVERT;
    }

    /** The SQLite cell of column {@code i}: the one kept by {@link #isNull}, or read now. */
    private Object cell(int i) throws SQLException {
        if (pendingColumn == i) {
            Object o = pending;
            pendingColumn = -1;
            pending = null;
            return o;
        }
        return rs.getObject(i + 1);
    }

    private void keep(int i, Object o) {
        pendingColumn = i;
        pending = o;
    }




}
