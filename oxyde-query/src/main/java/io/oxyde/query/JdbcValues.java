package io.oxyde.query;

import io.oxyde.codec.Value;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import io.oxyde.dialect.Dialect;

/**
 * The Java object to pass to {@code PreparedStatement.setObject} for a {@link Value} on a
 * dialect, i.e. how Oxyde stores each kind there. One place decides this so that writing,
 * filtering and reading agree (see {@code docs/dialects.md}, "Storage formats").
 *
 * <ul>
 *   <li>PostgreSQL: native types — {@code java.util.UUID} (uuid), {@code OffsetDateTime}
 *       (timestamptz), {@code LocalDateTime}/{@code LocalDate}/{@code LocalTime},
 *       {@code BigDecimal} with its scale, {@code Boolean}, {@code byte[]} (bytea); JSON as text
 *       (the renderer casts it to jsonb).</li>
 *   <li>SQLite: no native date, UUID or decimal types, so SQLite's own time text
 *       ({@code 2024-05-01}, {@code 10:15:30}, {@code 2024-05-01 10:15:30.5}: what
 *       {@code datetime()} writes, plus the fraction without trailing zeros; instants in UTC, see
 *       {@code SqliteTimes}), UUID in canonical lower-case text, decimal as its plain string (exact), boolean
 *       as 0/1.</li>
 *   <li>MySQL/MariaDB: UUID as CHAR(36) text; instants converted to UTC and, like local
 *       date-times and times, sent as text with microseconds ({@code 2024-05-01 10:15:30.123456})
 *       for DATETIME(6)/TIME(6), so neither the server's time zone nor a JDBC driver's
 *       fractional-second handling applies; other types native.</li>
 * </ul>
 */
public final class JdbcValues {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter MYSQL_TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true).toFormatter();
    private static final DateTimeFormatter MYSQL_DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true).toFormatter();

    private JdbcValues() {
    }

    /**
     * The object for {@code setObject}; {@code null} for {@link Value.Null}.
     *
     * @throws IllegalArgumentException for a {@link Value.Param} (a template has no values) or an
     *     array (not a bindable scalar on any supported dialect)
     */
    public static Object toJdbc(Value v, Dialect d) {
        if (v instanceof Value.Null) {
            return null;
        }
        if (v instanceof Value.Param p) {
            throw new IllegalArgumentException("slot " + p.index() + " is a template placeholder, not a value");
        }
        if (v instanceof Value.Array list) { // a list column's value (raw SQL arrays are refused at render)
            return ListValues.toJdbc(list, d);
        }
        v = toMicros(v);
        if (d == Dialect.POSTGRES && v instanceof Value.Timestamp ts && ts.value().getOffset().getTotalSeconds() != 0) {
            // the same instant in UTC: pgjdbc refuses offsets beyond ±15:59 ("time zone displacement
            // out of range"), and timestamptz keeps the instant, not the offset, anyway
            return ts.value().withOffsetSameInstant(ZoneOffset.UTC);
        }
        return switch (d) {
            case SQLITE -> sqlite(v);
            case MYSQL, MARIADB -> mysql(v);
            default -> postgres(v);
        };
    }

    /**
     * Times keep whole microseconds on every dialect: finer digits are cut before sending, the
     * rule MariaDB's DATETIME(6) applies. PostgreSQL would round instead (23:59:59.9999995 became
     * the next day) and SQLite would keep them, so the same value would read back differently
     * per database.
     */
    static Value toMicros(Value v) {
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

    private static Object postgres(Value v) {
        if (v instanceof Value.Json j) {
            return j.text();
        }
        return v.toJava();
    }

    private static Object mysql(Value v) {
        if (v instanceof Value.Uuid u) {
            return u.value().toString();
        }
        // Times travel as text: MySQL Connector/J drops fractional seconds of LocalDateTime and
        // LocalTime against MariaDB (it reads the "5.5.5-" version prefix as a pre-5.6 server).
        if (v instanceof Value.Timestamp t) {
            return MYSQL_DATE_TIME.format(t.value().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (v instanceof Value.DateTime dt) {
            return MYSQL_DATE_TIME.format(dt.value());
        }
        if (v instanceof Value.Time t) {
            return MYSQL_TIME.format(t.value());
        }
        if (v instanceof Value.Json j) {
            return j.text();
        }
        return v.toJava();
    }

    private static Object sqlite(Value v) {
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
        // SQLite's own form, see SqliteTimes (issue 19: agree with CURRENT_TIMESTAMP and datetime())
        if (v instanceof Value.Time t) {
            return io.oxyde.query.internal.SqliteTimes.time(t.value());
        }
        if (v instanceof Value.DateTime dt) {
            return io.oxyde.query.internal.SqliteTimes.dateTime(dt.value());
        }
        if (v instanceof Value.Timestamp ts) {
            return io.oxyde.query.internal.SqliteTimes.instant(ts.value());
        }
        if (v instanceof Value.Json j) {
            return j.text();
        }
        return v.toJava();
    }
}
