package io.oxyde.dialect.internal;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;

/**
 * How a result column can be read without a {@link Value} in between: decided once per result
 * shape from the column's {@link ColumnReader} and the kind the caller wants, so the row loop
 * calls the JDBC getter of that kind (and a codec takes the primitive or object straight into
 * the model) only where that gives exactly what the reader and {@link StorageFormat#convert}
 * would have given. Everything else is {@link #NONE}: read the {@link Value}, then convert.
 */
public enum DirectRead {
    /** {@code getLong} + {@code wasNull}: an integer column read as INT (or as read). */
    LONG,
    /** {@code getDouble} + {@code wasNull}: a floating-point column read as FLOAT (or as read). */
    DOUBLE,
    /** {@code getBigDecimal}: a NUMERIC/DECIMAL column read as DECIMAL (or as read). */
    DECIMAL,
    /** {@code getString}: a character column read as TEXT (or as read). */
    TEXT,
    /**
     * {@code getObject} and a class test: SQLite, whose cells carry their storage class, not the
     * column's. An {@code Integer}/{@code Long}, {@code Double} or {@code String} is taken as
     * such when the wanted kind agrees; any other object becomes its {@link #objectValue} and is
     * converted.
     */
    OBJECT,
    /** No direct read: the column reader's {@link Value}, converted to the wanted kind. */
    NONE;

    /**
     * The direct read of a column read by {@code reader} when the caller wants {@code want}
     * ({@code null}: as read).
     */
    public static DirectRead of(ColumnReader reader, ValueKind want) {
        if (reader == SqliteFormat.DYNAMIC) {
            return OBJECT;
        }
        if (reader == Cells.INTEGER) {
            return agrees(want, ValueKind.INT) ? LONG : NONE;
        }
        if (reader == Cells.FLOATING) {
            return agrees(want, ValueKind.FLOAT) ? DOUBLE : NONE;
        }
        if (reader == Cells.DECIMAL) {
            return agrees(want, ValueKind.DECIMAL) ? DECIMAL : NONE;
        }
        if (reader == Cells.TEXT) {
            return agrees(want, ValueKind.TEXT) ? TEXT : NONE;
        }
        return NONE;
    }

    /** Whether a cell of kind {@code read} is already what {@code want} asks for. */
    public static boolean agrees(ValueKind want, ValueKind read) {
        return want == null || want == ValueKind.NULL || want == read;
    }

    /** The value an {@link #OBJECT} column's reader would have made of the cell {@code o}. */
    public static Value objectValue(Object o) {
        return SqliteFormat.dynamicValue(o);
    }
}
