package io.oxyde.migrate.internal;

import io.oxyde.migrate.ColumnType;
import io.oxyde.dialect.Dialect;
import java.util.Locale;

/**
 * The logical type of a live column, read back from JDBC metadata: the inverse of each dialect's type
 * table in docs/migrations.md. Where the database cannot tell types apart (SQLite stores BIGINT, INTEGER
 * and BOOLEAN all as INTEGER) the widest is chosen; anything unknown stays VERBATIM, written as-is.
 */
final class InspectedTypes {
    private InspectedTypes() {
    }

    /**
     * @param typeName   JDBC TYPE_NAME
     * @param size       COLUMN_SIZE
     * @param digits     DECIMAL_DIGITS
     * @param columnType MySQL's full COLUMN_TYPE (e.g. {@code enum('a','b')}), null elsewhere
     */
    static ColumnType of(Dialect dialect, String typeName, int size, int digits, String columnType) {
        String t = typeName.toLowerCase(Locale.ROOT);
        switch (dialect) {
            case POSTGRES: return postgres(t, size, digits);
            case SQLITE: return sqlite(t, size);
            default: return mysql(t, size, digits, columnType);
        }
    }

    private static ColumnType postgres(String t, int size, int digits) {
        if (t.startsWith("_")) {
            return ColumnType.arrayOf(postgres(t.substring(1), 0, 0));
        }
        switch (t) {
            case "int8": case "bigserial": return ColumnType.bigint();
            case "int4": case "serial": return ColumnType.integer();
            case "int2": return ColumnType.smallint();
            case "bool": return ColumnType.bool();
            case "float8": return ColumnType.doubleType();
            case "numeric": return size > 0 && size < 1000 ? ColumnType.decimal(size, digits) : ColumnType.verbatim("NUMERIC");
            case "varchar": return size > 0 && size < Integer.MAX_VALUE ? ColumnType.varchar(size) : ColumnType.text();
            case "text": return ColumnType.text();
            case "bytea": return ColumnType.bytes();
            case "date": return ColumnType.date();
            case "time": return ColumnType.time();
            case "timestamp": return ColumnType.timestamp();
            case "timestamptz": return ColumnType.timestamptz();
            case "uuid": return ColumnType.uuid();
            case "jsonb": return ColumnType.json();
            default: return ColumnType.verbatim(t.toUpperCase(Locale.ROOT));
        }
    }

    private static ColumnType sqlite(String t, int size) {
        switch (t) {
            case "integer": return ColumnType.bigint();
            case "real": return ColumnType.doubleType();
            case "text": return ColumnType.text();
            case "blob": return ColumnType.bytes();
            case "varchar": return size > 0 ? ColumnType.varchar(size) : ColumnType.text();
            default: return ColumnType.verbatim(t.toUpperCase(Locale.ROOT));
        }
    }

    private static ColumnType mysql(String t, int size, int digits, String columnType) {
        String full = columnType == null ? t : columnType.toLowerCase(Locale.ROOT);
        switch (t) {
            case "bigint": return full.contains("unsigned") ? ColumnType.verbatim(full.toUpperCase(Locale.ROOT)) : ColumnType.bigint();
            case "int": return full.contains("unsigned") ? ColumnType.verbatim(full.toUpperCase(Locale.ROOT)) : ColumnType.integer();
            case "smallint": return ColumnType.smallint();
            case "bit": case "tinyint": return full.equals("tinyint(1)") || full.equals("bit(1)") ? ColumnType.bool()
                    : ColumnType.verbatim(full.toUpperCase(Locale.ROOT));
            case "double": return ColumnType.doubleType();
            case "decimal": return ColumnType.decimal(size, digits);
            case "varchar": return ColumnType.varchar(size);
            case "longtext": return ColumnType.text();
            case "longblob": return ColumnType.bytes();
            case "date": return ColumnType.date();
            case "time": return ColumnType.time();
            case "datetime": return ColumnType.timestamp();
            case "json": return ColumnType.json();
            case "char": return size == 36 ? ColumnType.uuid() : ColumnType.verbatim(full.toUpperCase(Locale.ROOT));
            default: return ColumnType.verbatim(columnType == null ? t.toUpperCase(Locale.ROOT) : columnType);
        }
    }
}
