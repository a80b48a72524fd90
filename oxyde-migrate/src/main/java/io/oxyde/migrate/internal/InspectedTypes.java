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
        return switch (dialect) {
            case POSTGRES -> postgres(t, size, digits);
            case SQLITE -> sqlite(t, size);
            default -> mysql(t, size, digits, columnType);
        };
    }

    private static ColumnType postgres(String t, int size, int digits) {
        if (t.startsWith("_")) {
            return ColumnType.arrayOf(postgres(t.substring(1), 0, 0));
        }
        return switch (t) {
            case "int8", "bigserial" -> ColumnType.bigint();
            case "int4", "serial" -> ColumnType.integer();
            case "int2" -> ColumnType.smallint();
            case "bool" -> ColumnType.bool();
            case "float8" -> ColumnType.doubleType();
            case "numeric" -> size > 0 && size < 1000 ? ColumnType.decimal(size, digits) : ColumnType.verbatim("NUMERIC");
            case "varchar" -> size > 0 && size < Integer.MAX_VALUE ? ColumnType.varchar(size) : ColumnType.text();
            case "text" -> ColumnType.text();
            case "bytea" -> ColumnType.bytes();
            case "date" -> ColumnType.date();
            case "time" -> ColumnType.time();
            case "timestamp" -> ColumnType.timestamp();
            case "timestamptz" -> ColumnType.timestamptz();
            case "uuid" -> ColumnType.uuid();
            case "jsonb" -> ColumnType.json();
            default -> ColumnType.verbatim(t.toUpperCase(Locale.ROOT));
        };
    }

    private static ColumnType sqlite(String t, int size) {
        return switch (t) {
            case "integer" -> ColumnType.bigint();
            case "real" -> ColumnType.doubleType();
            case "text" -> ColumnType.text();
            case "blob" -> ColumnType.bytes();
            case "varchar" -> size > 0 ? ColumnType.varchar(size) : ColumnType.text();
            default -> ColumnType.verbatim(t.toUpperCase(Locale.ROOT));
        };
    }

    private static ColumnType mysql(String t, int size, int digits, String columnType) {
        String full = columnType == null ? t : columnType.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "bigint" -> full.contains("unsigned") ? ColumnType.verbatim(full.toUpperCase(Locale.ROOT)) : ColumnType.bigint();
            case "int" -> full.contains("unsigned") ? ColumnType.verbatim(full.toUpperCase(Locale.ROOT)) : ColumnType.integer();
            case "smallint" -> ColumnType.smallint();
            case "bit", "tinyint" -> full.equals("tinyint(1)") || full.equals("bit(1)") ? ColumnType.bool()
                    : ColumnType.verbatim(full.toUpperCase(Locale.ROOT));
            case "double" -> ColumnType.doubleType();
            case "decimal" -> ColumnType.decimal(size, digits);
            case "varchar" -> ColumnType.varchar(size);
            case "longtext" -> ColumnType.text();
            case "longblob" -> ColumnType.bytes();
            case "date" -> ColumnType.date();
            case "time" -> ColumnType.time();
            case "datetime" -> ColumnType.timestamp();
            case "json" -> ColumnType.json();
            case "char" -> size == 36 ? ColumnType.uuid() : ColumnType.verbatim(full.toUpperCase(Locale.ROOT));
            default -> ColumnType.verbatim(columnType == null ? t.toUpperCase(Locale.ROOT) : columnType);
        };
    }
}
