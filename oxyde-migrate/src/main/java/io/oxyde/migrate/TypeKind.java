package io.oxyde.migrate;

/** The dialect-neutral logical column types; {@link ColumnType} adds their parameters. */
public enum TypeKind {
    BIGINT, INTEGER, SMALLINT, BOOLEAN, DOUBLE, DECIMAL, VARCHAR, TEXT, BYTES, DATE, TIME,
    /** Timestamp without time zone (local date-time). */
    TIMESTAMP,
    /** Timestamp with time zone (an instant). */
    TIMESTAMPTZ, UUID, JSON, ENUM, ARRAY,
    /** A type written verbatim into the DDL of every dialect. */
    VERBATIM
}
