package io.oxyde.dialect.internal;

import io.oxyde.codec.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The column readers the dialects share: one JDBC getter per value kind, NULL-aware. Each
 * {@link StorageFormat} picks among them per column (and adds its own where its storage differs).
 */
final class Cells {

    /** The readers {@link DirectRead} recognises: named once so that identity tells them apart. */
    static final ColumnReader INTEGER = Cells::integer;
    static final ColumnReader FLOATING = Cells::floating;
    static final ColumnReader DECIMAL = Cells::decimal;
    static final ColumnReader TEXT = Cells::text;

    private Cells() {
    }

    /** The reader for a standard JDBC type, for dialects whose columns carry their SQL type. */
    static ColumnReader forJdbcType(int type) {
        return switch (type) {
            case Types.BIT, Types.BOOLEAN -> Cells::bool;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOATING;
            case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> TEXT;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Cells::bytes;
            case Types.DATE -> Cells::date;
            case Types.TIME -> Cells::time;
            case Types.TIMESTAMP -> Cells::dateTime;
            case Types.TIMESTAMP_WITH_TIMEZONE -> Cells::timestamp;
            default -> Cells::dynamic;
        };
    }

    static Value bool(ResultSet rs, int i) throws SQLException {
        boolean v = rs.getBoolean(i);
        return rs.wasNull() ? Value.Null.INSTANCE : (v ? Value.Bool.TRUE : Value.Bool.FALSE);
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
        BigInteger b = o instanceof BigInteger big ? big : new BigInteger(o.toString());
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
        return new Value.Uuid(v instanceof UUID u ? u : UUID.fromString(v.toString()));
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
