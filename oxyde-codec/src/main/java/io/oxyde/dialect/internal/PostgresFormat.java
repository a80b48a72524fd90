package io.oxyde.dialect.internal;

import io.oxyde.codec.Value;
import io.oxyde.dialect.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * PostgreSQL: native types — {@code java.util.UUID} (uuid), {@code OffsetDateTime}
 * (timestamptz, sent in UTC), {@code LocalDateTime}/{@code LocalDate}/{@code LocalTime},
 * {@code BigDecimal} with its scale, {@code Boolean}, {@code byte[]} (bytea); JSON as text (the
 * renderer casts it to jsonb); lists as native arrays sent as array literals of unspecified type,
 * so the server types them from their context. Errors by SQLSTATE.
 */
final class PostgresFormat extends StorageFormat {

    PostgresFormat() {
        super(Dialect.POSTGRES);
    }

    @Override
    Object scalar(Value v) {
        if (v instanceof Value.Timestamp ts && ts.value().getOffset().getTotalSeconds() != 0) {
            // the same instant in UTC: pgjdbc refuses offsets beyond ±15:59 ("time zone displacement
            // out of range"), and timestamptz keeps the instant, not the offset, anyway
            return ts.value().withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (v instanceof Value.Json j) {
            return j.text();
        }
        return v.toJava();
    }

    /**
     * An array literal ({@code {1,2}}, {@code {"a b","c\"d"}}), bound as {@code Types.OTHER}: the
     * server types it from its context (the column of an INSERT/UPDATE, the other side of
     * {@code @>}/{@code &&}), which makes empty lists, {@code integer[]} vs {@code bigint[]} and
     * arrays of native enums work without the renderer knowing the column's SQL type.
     */
    @Override
    Object list(Value.Array list) {
        return ListFormats.pgLiteral(list.elements());
    }

    @Override
    public void bind(PreparedStatement ps, int index, Value v, boolean untyped) throws SQLException {
        Object o = toJdbc(v);
        if (o == null) {
            ps.setNull(index, Types.NULL);
        } else if (v instanceof Value.Array || (untyped && o instanceof String)) {
            ps.setObject(index, o, Types.OTHER); // typed by the server from its context (arrays, native enums)
        } else {
            ps.setObject(index, o);
        }
    }

    @Override
    ColumnReader reader(ResultSetMetaData md, int column) throws SQLException {
        int type = md.getColumnType(column);
        String typeName = String.valueOf(md.getColumnTypeName(column)).toUpperCase(Locale.ROOT);
        return switch (type) {
            case Types.TIMESTAMP -> typeName.equals("TIMESTAMPTZ") ? Cells::timestamp : Cells::dateTime;
            case Types.TIMESTAMP_WITH_TIMEZONE -> Cells::timestamp;
            case Types.OTHER -> switch (typeName) {
                case "UUID" -> Cells::uuid;
                case "JSON", "JSONB" -> Cells::json;
                default -> Cells.TEXT;
            };
            case Types.ARRAY -> Cells::array;
            default -> Cells.forJdbcType(type);
        };
    }

    @Override
    public ErrorKind errorKind(String sqlState, int vendorCode) {
        return SqlStates.kind(sqlState);
    }
}
