package io.oxyde.driver.internal;

import io.oxyde.codec.Value;
import io.oxyde.dialect.Dialect;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Chooses, once per result set, how to read each column into a typed {@link Value}, from the
 * JDBC metadata type and the dialect. The choice is made per column, not per cell, so the row
 * loop only calls the chosen readers.
 *
 * <p>SQLite is dynamically typed: its cells are read by their storage class (integer, real,
 * text, blob); a declared {@code BOOLEAN} column turns 0/1 into booleans. Richer kinds (dates,
 * UUIDs, decimals stored as text) come from the caller's expected kinds, see
 * {@link ValueConverter}.
 */
final class ColumnReaders {

    /** Reads one column of the current row. */
    @FunctionalInterface
    public interface ColumnReader {
        Value read(ResultSet rs, int column) throws SQLException;
    }

    /**
     * A SQLite cell by its storage class: one type call and one value call into the native
     * library. The type call cannot be saved by asking for text directly: reading a blob as text
     * converts the cell in place, so what it was can no longer be told (and a blob in a text
     * column must be refused, not returned as mangled text).
     */
    static final ColumnReader SQLITE_DYNAMIC = ColumnReaders::sqliteDynamic;

    private ColumnReaders() {
    }

    private static Value sqliteDynamic(ResultSet rs, int i) throws SQLException {
        Object o = rs.getObject(i);
        // sqlite-jdbc answers null, Integer, Long, Double, String or byte[]: test those first
        if (o == null) {
            return Value.Null.INSTANCE;
        }
        if (o instanceof String text) {
            return new Value.Text(text);
        }
        if (o instanceof Integer n) {
            return new Value.Int(n);
        }
        if (o instanceof Long n) {
            return new Value.Int(n);
        }
        if (o instanceof Double d) {
            return new Value.Float(d);
        }
        return dynamicValue(o);
    }


    public static ColumnReader[] forResultSet(ResultSetMetaData md, Dialect dialect) throws SQLException {
        int n = md.getColumnCount();
        ColumnReader[] readers = new ColumnReader[n];
        for (int i = 1; i <= n; i++) {
            String typeName = String.valueOf(md.getColumnTypeName(i)).toUpperCase(Locale.ROOT);
            if (dialect == Dialect.SQLITE) {
                // only the declared type name matters here; sqlite-jdbc's getColumnType parses the
                // declared type with regular expressions again, so it is not asked for
                readers[i - 1] = typeName.contains("BOOL") ? ColumnReaders::sqliteBool : SQLITE_DYNAMIC;
            } else if (dialect == Dialect.POSTGRES) {
                readers[i - 1] = postgres(md.getColumnType(i), typeName);
            } else {
                readers[i - 1] = mysql(md.getColumnType(i), typeName, md.getPrecision(i));
            }
        }
        return readers;
    }

    private static ColumnReader postgres(int type, String typeName) {
        switch (type) {
            case Types.TIMESTAMP:
                return typeName.equals("TIMESTAMPTZ") ? ColumnReaders::timestamp : ColumnReaders::dateTime;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return ColumnReaders::timestamp;
            case Types.OTHER:
                if (typeName.equals("UUID")) {
                    return ColumnReaders::uuid;
                }
                if (typeName.equals("JSON") || typeName.equals("JSONB")) {
                    return ColumnReaders::json;
                }
                return ColumnReaders::text;
            case Types.ARRAY:
                return ColumnReaders::array;
            default:
                return common(type);
        }
    }

    private static ColumnReader mysql(int type, String typeName, int precision) {
        if (typeName.equals("JSON")) {
            return ColumnReaders::json;
        }
        if (type == Types.BIT && precision > 1) {
            return ColumnReaders::bytes;
        }
        if (type == Types.BIGINT && typeName.contains("UNSIGNED")) {
            return ColumnReaders::bigInteger;
        }
        return common(type);
    }

    private static ColumnReader common(int type) {
        switch (type) {
            case Types.BIT:
            case Types.BOOLEAN:
                return ColumnReaders::bool;
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
                return ColumnReaders::integer;
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                return ColumnReaders::floating;
            case Types.NUMERIC:
            case Types.DECIMAL:
                return ColumnReaders::decimal;
            case Types.CHAR:
            case Types.VARCHAR:
            case Types.LONGVARCHAR:
            case Types.NCHAR:
            case Types.NVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
            case Types.NCLOB:
                return ColumnReaders::text;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return ColumnReaders::bytes;
            case Types.DATE:
                return ColumnReaders::date;
            case Types.TIME:
                return ColumnReaders::time;
            case Types.TIMESTAMP:
                return ColumnReaders::dateTime;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return ColumnReaders::timestamp;
            default:
                return ColumnReaders::dynamic;
        }
    }

    static Value bool(ResultSet rs, int i) throws SQLException {
        boolean v = rs.getBoolean(i);
        return rs.wasNull() ? Value.Null.INSTANCE : (v ? Value.Bool.TRUE : Value.Bool.FALSE);
    }

    static Value sqliteBool(ResultSet rs, int i) throws SQLException {
        Object o = rs.getObject(i);
        if (o instanceof Number) {
            long n = ((Number) o).longValue();
            if (n == 0 || n == 1) {
                return n == 1 ? Value.Bool.TRUE : Value.Bool.FALSE;
            }
        }
        return dynamicValue(o);
    }

    static Value integer(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? Value.Null.INSTANCE : new Value.Int(v);
    }

    static Value bigInteger(ResultSet rs, int i) throws SQLException {
        Object o = rs.getObject(i);
        if (o == null) {
            return Value.Null.INSTANCE;
        }
        BigInteger b = o instanceof BigInteger ? (BigInteger) o : new BigInteger(o.toString());
        return b.bitLength() < 64 ? new Value.Int(b.longValue()) : new Value.Decimal(new BigDecimal(b));
    }

    static Value floating(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Value.Null.INSTANCE : new Value.Float(v);
    }

    static Value decimal(ResultSet rs, int i) throws SQLException {
        BigDecimal v = rs.getBigDecimal(i);
        return v == null ? Value.Null.INSTANCE : new Value.Decimal(v);
    }

    static Value text(ResultSet rs, int i) throws SQLException {
        String v = rs.getString(i);
        return v == null ? Value.Null.INSTANCE : new Value.Text(v);
    }

    static Value json(ResultSet rs, int i) throws SQLException {
        String v = rs.getString(i);
        return v == null ? Value.Null.INSTANCE : new Value.Json(v);
    }

    static Value bytes(ResultSet rs, int i) throws SQLException {
        byte[] v = rs.getBytes(i);
        return v == null ? Value.Null.INSTANCE : new Value.Bytes(v);
    }

    static Value date(ResultSet rs, int i) throws SQLException {
        LocalDate v = rs.getObject(i, LocalDate.class);
        return v == null ? Value.Null.INSTANCE : new Value.Date(v);
    }

    static Value time(ResultSet rs, int i) throws SQLException {
        LocalTime v = rs.getObject(i, LocalTime.class);
        return v == null ? Value.Null.INSTANCE : new Value.Time(v);
    }

    static Value dateTime(ResultSet rs, int i) throws SQLException {
        LocalDateTime v = rs.getObject(i, LocalDateTime.class);
        return v == null ? Value.Null.INSTANCE : new Value.DateTime(v);
    }

    static Value timestamp(ResultSet rs, int i) throws SQLException {
        OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
        return v == null ? Value.Null.INSTANCE : new Value.Timestamp(v);
    }

    static Value uuid(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null) {
            return Value.Null.INSTANCE;
        }
        return new Value.Uuid(v instanceof UUID ? (UUID) v : UUID.fromString(v.toString()));
    }

    static Value array(ResultSet rs, int i) throws SQLException {
        Array a = rs.getArray(i);
        if (a == null) {
            return Value.Null.INSTANCE;
        }
        Object[] elements = (Object[]) a.getArray();
        List<Value> values = new ArrayList<>(elements.length);
        for (Object e : elements) {
            values.add(dynamicValue(e));
        }
        return new Value.Array(values);
    }

    static Value dynamic(ResultSet rs, int i) throws SQLException {
        return dynamicValue(rs.getObject(i));
    }

    static Value dynamicValue(Object o) {
        if (o == null) {
            return Value.Null.INSTANCE;
        }
        if (o instanceof java.sql.Timestamp) {
            return new Value.DateTime(((java.sql.Timestamp) o).toLocalDateTime());
        }
        if (o instanceof java.sql.Date) {
            return new Value.Date(((java.sql.Date) o).toLocalDate());
        }
        if (o instanceof java.sql.Time) {
            return new Value.Time(((java.sql.Time) o).toLocalTime());
        }
        try {
            return Value.of(o);
        } catch (IllegalArgumentException e) {
            return new Value.Text(o.toString());
        }
    }
}
