package io.oxyde.dialect.internal;

import io.oxyde.codec.Value;
import io.oxyde.dialect.Dialect;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * MySQL and MariaDB: UUIDs as CHAR(36) text; instants converted to UTC and, like local
 * date-times and times, sent as text with microseconds ({@code 2024-05-01 10:15:30.123456}) for
 * DATETIME(6)/TIME(6), so neither the server's time zone nor a JDBC driver's fractional-second
 * handling applies; lists as JSON array text; other types native. Errors by MySQL error number
 * ({@code MysqlErrorCodes}), then SQLSTATE.
 */
final class MysqlFormat extends StorageFormat {
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true).toFormatter();
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true).toFormatter();

    MysqlFormat(Dialect dialect) {
        super(dialect);
    }

    @Override
    Object scalar(Value v) {
        if (v instanceof Value.Uuid u) {
            return u.value().toString();
        }
        // Times travel as text: MySQL Connector/J drops fractional seconds of LocalDateTime and
        // LocalTime against MariaDB (it reads the "5.5.5-" version prefix as a pre-5.6 server).
        if (v instanceof Value.Timestamp t) {
            return DATE_TIME.format(t.value().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (v instanceof Value.DateTime dt) {
            return DATE_TIME.format(dt.value());
        }
        if (v instanceof Value.Time t) {
            return TIME.format(t.value());
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

    /**
     * MySQL and MariaDB have no NaN or infinite doubles (Connector/J would inline
     * {@code Infinity} and the server answer "Unknown column 'Infinity'").
     */
    @Override
    public String unstorable(double d) {
        return Double.isFinite(d) ? null : dialect() + " cannot store NaN or infinite floating-point values";
    }

    @Override
    ColumnReader reader(ResultSetMetaData md, int column) throws SQLException {
        int type = md.getColumnType(column);
        String typeName = String.valueOf(md.getColumnTypeName(column)).toUpperCase(Locale.ROOT);
        if (typeName.equals("JSON")) {
            return Cells::json;
        }
        if (type == Types.BIT && md.getPrecision(column) > 1) {
            return Cells::bytes;
        }
        if (type == Types.BIGINT && typeName.contains("UNSIGNED")) {
            return Cells::bigInteger;
        }
        return Cells.forJdbcType(type);
    }

    @Override
    public ErrorKind errorKind(String sqlState, int vendorCode) {
        ErrorKind k = MysqlErrorCodes.kind(vendorCode);
        return k != ErrorKind.OTHER ? k : SqlStates.kind(sqlState);
    }
}
