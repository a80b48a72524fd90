package io.oxyde.dialect.internal;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.dialect.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.temporal.ChronoUnit;

/**
 * How one dialect stores each value kind — what is bound for a {@link Value}, how each result
 * column is read back, which value kinds its columns lose (and how they are recovered) — and
 * what its error codes mean. One subclass per dialect decides all of it, so the write side and
 * the read side cannot disagree, and {@code docs/dialects.md} ("Storage formats") has one place
 * to describe.
 *
 * <p>The driver binds and reads through {@link #of(Dialect)}; the renderer, which compares
 * against stored forms (SQLite times), uses the same classes.
 */
public abstract sealed class StorageFormat permits PostgresFormat, SqliteFormat, MysqlFormat {
    private static final StorageFormat POSTGRES = new PostgresFormat();
    private static final StorageFormat SQLITE = new SqliteFormat();
    private static final StorageFormat MYSQL = new MysqlFormat(Dialect.MYSQL);
    private static final StorageFormat MARIADB = new MysqlFormat(Dialect.MARIADB);

    private final Dialect dialect;

    StorageFormat(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The format of {@code dialect}. */
    public static StorageFormat of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRES -> POSTGRES;
            case SQLITE -> SQLITE;
            case MYSQL -> MYSQL;
            case MARIADB -> MARIADB;
        };
    }

    /** The dialect this format stores for. */
    public final Dialect dialect() {
        return dialect;
    }

    /**
     * The object to pass to {@code PreparedStatement.setObject} for {@code v}; {@code null} for
     * {@link Value.Null}. Times are cut to whole microseconds first ({@link #toMicros}).
     *
     * @throws IllegalArgumentException for a {@link Value.Param} (a template has no values), a
     *     list inside a list, or a list element this dialect's list form cannot hold
     */
    public final Object toJdbc(Value v) {
        if (v instanceof Value.Null) {
            return null;
        }
        if (v instanceof Value.Param p) {
            throw new IllegalArgumentException("slot " + p.index() + " is a template placeholder, not a value");
        }
        if (v instanceof Value.Array list) { // a list column's value (raw SQL arrays are refused at render)
            return list(list);
        }
        return scalar(toMicros(v));
    }

    /**
     * Binds {@code v} as parameter {@code index} of {@code ps}.
     *
     * @param untyped the renderer left the parameter's SQL type to the server (a value for a
     *                column of a type the renderer does not name, such as a PostgreSQL enum)
     */
    public void bind(PreparedStatement ps, int index, Value v, boolean untyped) throws SQLException {
        Object o = toJdbc(v);
        if (o == null) {
            ps.setNull(index, Types.NULL);
        } else {
            ps.setObject(index, o);
        }
    }

    /** The object for a scalar value (not NULL, not a list), already cut to microseconds. */
    abstract Object scalar(Value v);

    /** The object for a list column's value. */
    abstract Object list(Value.Array list);

    /**
     * Why this dialect cannot store the double {@code d} as sent, or {@code null} when it can
     * (MySQL and MariaDB have no NaN or infinities; SQLite turns NaN into NULL).
     */
    public String unstorable(double d) {
        return null;
    }

    /** One reader per column of a result, chosen from its metadata (once per result shape). */
    public final ColumnReader[] readers(ResultSetMetaData md) throws SQLException {
        int n = md.getColumnCount();
        ColumnReader[] readers = new ColumnReader[n];
        for (int i = 1; i <= n; i++) {
            readers[i - 1] = reader(md, i);
        }
        return readers;
    }

    /** The reader of result column {@code column} (1-based). */
    abstract ColumnReader reader(ResultSetMetaData md, int column) throws SQLException;

    /**
     * {@code v}, as read by a column reader, as the kind the caller expects: the kinds this
     * dialect's columns do not keep (SQLite's text dates, UUIDs and decimals, 0/1 booleans;
     * MySQL's CHAR(36) UUIDs and UTC DATETIME instants) are recovered here.
     *
     * @param expected the wanted kind, or {@code null} for "as read"
     * @throws IllegalArgumentException saying why the value does not convert (never its content)
     */
    public Value convert(Value v, ValueKind expected) {
        return KindConversions.convert(v, expected);
    }

    /** A value a JDBC driver returned as a plain object (generated keys, array elements). */
    public static Value fromJdbcObject(Object o) {
        return Cells.dynamicValue(o);
    }

    /**
     * The class of an error with this SQLSTATE and vendor code (SQLite's extended result code,
     * MySQL's error number), by this dialect's table; {@link ErrorKind#OTHER} when it has none.
     */
    public abstract ErrorKind errorKind(String sqlState, int vendorCode);

    /**
     * Times keep whole microseconds on every dialect: finer digits are cut before sending, the
     * rule MariaDB's DATETIME(6) applies. PostgreSQL would round instead (23:59:59.9999995 became
     * the next day) and SQLite would keep them, so the same value would read back differently
     * per database.
     */
    public static Value toMicros(Value v) {
        if (v instanceof Value.Timestamp t && t.value().getNano() % 1000 != 0) {
            return new Value.Timestamp(t.value().truncatedTo(ChronoUnit.MICROS));
        }
        if (v instanceof Value.DateTime t && t.value().getNano() % 1000 != 0) {
            return new Value.DateTime(t.value().truncatedTo(ChronoUnit.MICROS));
        }
        if (v instanceof Value.Time t && t.value().getNano() % 1000 != 0) {
            return new Value.Time(t.value().truncatedTo(ChronoUnit.MICROS));
        }
        return v;
    }
}
