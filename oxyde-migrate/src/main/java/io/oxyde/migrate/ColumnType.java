package io.oxyde.migrate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import io.oxyde.exception.MigrationException;

/**
 * A dialect-neutral column type with its parameters, mapped to each database by {@link DdlRenderer}.
 * Only the fields meaningful for {@link #kind()} are set; the others are null.
 *
 * @param kind      the logical type
 * @param length    VARCHAR length
 * @param precision DECIMAL precision
 * @param scale     DECIMAL scale
 * @param values    ENUM values, in order
 * @param enumName  ENUM type name on PostgreSQL (null: {@code <table>_<column>})
 * @param element   ARRAY element type
 * @param sql       VERBATIM type text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnType(TypeKind kind, Integer length, Integer precision, Integer scale,
                         List<String> values, String enumName, ColumnType element, String sql) {

    public ColumnType {
        Objects.requireNonNull(kind, "column type kind");
        values = values == null ? null : List.copyOf(values);
        if (kind == TypeKind.VARCHAR && (length == null || length <= 0)) {
            throw new MigrationException("VARCHAR needs a positive length, got " + length);
        }
        if (kind == TypeKind.DECIMAL && (precision == null || scale == null || precision <= 0 || scale < 0 || scale > precision)) {
            throw new MigrationException("DECIMAL needs 0 <= scale <= precision, got (" + precision + ", " + scale + ")");
        }
        if (kind == TypeKind.ENUM && (values == null || values.isEmpty())) {
            throw new MigrationException("ENUM needs at least one value");
        }
        if (kind == TypeKind.ARRAY && element == null) {
            throw new MigrationException("ARRAY needs an element type");
        }
        if (kind == TypeKind.VERBATIM && (sql == null || sql.isBlank())) {
            throw new MigrationException("VERBATIM type needs its SQL text");
        }
    }

    private static ColumnType of(TypeKind kind) {
        return new ColumnType(kind, null, null, null, null, null, null, null);
    }

    public static ColumnType bigint() { return of(TypeKind.BIGINT); }
    public static ColumnType integer() { return of(TypeKind.INTEGER); }
    public static ColumnType smallint() { return of(TypeKind.SMALLINT); }
    public static ColumnType bool() { return of(TypeKind.BOOLEAN); }
    public static ColumnType doubleType() { return of(TypeKind.DOUBLE); }
    public static ColumnType text() { return of(TypeKind.TEXT); }
    public static ColumnType bytes() { return of(TypeKind.BYTES); }
    public static ColumnType date() { return of(TypeKind.DATE); }
    public static ColumnType time() { return of(TypeKind.TIME); }
    public static ColumnType timestamp() { return of(TypeKind.TIMESTAMP); }
    public static ColumnType timestamptz() { return of(TypeKind.TIMESTAMPTZ); }
    public static ColumnType uuid() { return of(TypeKind.UUID); }
    public static ColumnType json() { return of(TypeKind.JSON); }

    public static ColumnType varchar(int length) {
        return new ColumnType(TypeKind.VARCHAR, length, null, null, null, null, null, null);
    }

    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(TypeKind.DECIMAL, null, precision, scale, null, null, null, null);
    }

    /** An enum; on PostgreSQL its type is named {@code <table>_<column>}. */
    public static ColumnType enumOf(String... values) {
        return new ColumnType(TypeKind.ENUM, null, null, null, List.of(values), null, null, null);
    }

    /** An enum with an explicit PostgreSQL type name. */
    public static ColumnType namedEnum(String typeName, String... values) {
        return new ColumnType(TypeKind.ENUM, null, null, null, List.of(values), typeName, null, null);
    }

    public static ColumnType arrayOf(ColumnType element) {
        return new ColumnType(TypeKind.ARRAY, null, null, null, null, null, element, null);
    }

    /** A type written as-is for every dialect (an escape hatch; the diff compares the text). */
    public static ColumnType verbatim(String sql) {
        return new ColumnType(TypeKind.VERBATIM, null, null, null, null, null, null, sql);
    }

    /** Human-readable form used in messages, e.g. {@code DECIMAL(10,2)}. */
    public String describe() {
        return switch (kind) {
            case VARCHAR -> "VARCHAR(" + length + ")";
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case ENUM -> "ENUM" + values;
            case ARRAY -> element.describe() + "[]";
            case VERBATIM -> sql;
            default -> kind.name();
        };
    }
}
