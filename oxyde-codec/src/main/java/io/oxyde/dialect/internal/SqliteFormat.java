package io.oxyde.dialect.internal;

import io.oxyde.codec.Value;
import io.oxyde.dialect.Dialect;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * SQLite: no native date, UUID or decimal types. Dates, times and date-times are SQLite's own
 * time text ({@code 2024-05-01}, {@code 10:15:30}, {@code 2024-05-01 10:15:30.5}: what
 * {@code datetime()} and {@code CURRENT_TIMESTAMP} write, plus the fraction without trailing
 * zeros; instants in UTC without a suffix), UUIDs canonical lower-case text, decimals their
 * plain string (exact), booleans 0/1, lists JSON array text. Cells are read by their storage
 * class and recovered to the caller's kind by {@link #convert}. Errors by extended result code
 * ({@link SqliteErrorCodes}), then SQLSTATE.
 */
public final class SqliteFormat extends StorageFormat {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * A cell by its storage class: one type call and one value call into the native library.
     * The type call cannot be saved by asking for text directly: reading a blob as text converts
     * the cell in place, so what it was can no longer be told (and a blob in a text column must
     * be refused, not returned as mangled text).
     */
    static final ColumnReader DYNAMIC = SqliteFormat::dynamic;

    SqliteFormat() {
        super(Dialect.SQLITE);
    }

    /** The stored text of a local date-time (already cut to microseconds). */
    public static String dateTime(LocalDateTime t) {
        return SECONDS.format(t) + fraction(t.getNano());
    }

    /** The stored text of an instant: its UTC date-time. */
    public static String instant(OffsetDateTime t) {
        return dateTime(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }

    /** The stored text of a time of day. */
    public static String time(LocalTime t) {
        return CLOCK.format(t) + fraction(t.getNano());
    }

    /** A fraction's digits without trailing zeros (and no dot for a whole second). */
    private static String fraction(int nanos) {
        if (nanos == 0) {
            return "";
        }
        String digits = String.format("%09d", nanos);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return "." + digits.substring(0, end);
    }

    @Override
    Object scalar(Value v) {
        if (v instanceof Value.Bool b) {
            return b.value() ? 1 : 0;
        }
        if (v instanceof Value.Decimal dec) {
            return dec.value().toPlainString();
        }
        if (v instanceof Value.Uuid u) {
            return u.value().toString();
        }
        if (v instanceof Value.Date date) {
            return DATE.format(date.value());
        }
        if (v instanceof Value.Time t) {
            return time(t.value());
        }
        if (v instanceof Value.DateTime dt) {
            return dateTime(dt.value());
        }
        if (v instanceof Value.Timestamp ts) {
            return instant(ts.value());
        }
        if (v instanceof Value.Json j) {
            return j.text();
        }
        return v.toJava();
    }

    @Override
    Object list(Value.Array list) {
        return ListFormats.json(list.elements());
    }

    @Override
    public String unstorable(double d) {
        return Double.isNaN(d) ? "SQLITE cannot store NaN or infinite floating-point values (SQLite turns NaN into NULL)"
                : null;
    }

    /**
     * Only the declared type name matters: sqlite-jdbc's {@code getColumnType} parses the
     * declared type with regular expressions again, so it is not asked for. A declared
     * {@code BOOLEAN} column turns 0/1 into booleans; every other cell is read by its storage class.
     */
    @Override
    ColumnReader reader(ResultSetMetaData md, int column) throws SQLException {
        String typeName = String.valueOf(md.getColumnTypeName(column)).toUpperCase(Locale.ROOT);
        return typeName.contains("BOOL") ? SqliteFormat::bool : DYNAMIC;
    }

    private static Value dynamic(ResultSet rs, int i) throws SQLException {
        return dynamicValue(rs.getObject(i));
    }

    /** The value of a cell sqlite-jdbc returned as {@code o} (what {@link #DYNAMIC} reads). */
    static Value dynamicValue(Object o) {
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
        return Cells.dynamicValue(o);
    }

    private static Value bool(ResultSet rs, int i) throws SQLException {
        Object o = rs.getObject(i);
        if (o instanceof Number number) {
            long n = number.longValue();
            if (n == 0 || n == 1) {
                return n == 1 ? Value.Bool.TRUE : Value.Bool.FALSE;
            }
        }
        return Cells.dynamicValue(o);
    }

    @Override
    public ErrorKind errorKind(String sqlState, int vendorCode) {
        ErrorKind k = SqliteErrorCodes.kind(vendorCode);
        return k != ErrorKind.OTHER ? k : SqlStates.kind(sqlState);
    }
}
