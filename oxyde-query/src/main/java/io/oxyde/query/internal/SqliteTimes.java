package io.oxyde.query.internal;

import io.oxyde.codec.Lookup;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.dialect.internal.SqliteFormat;
import io.oxyde.exception.RenderException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * SQLite's times: the text Oxyde stores, and comparisons that are right for the other forms
 * found in SQLite databases.
 *
 * <p>Stored form: SQLite's own, {@code YYYY-MM-DD HH:MM:SS} (what {@code CURRENT_TIMESTAMP}
 * and {@code datetime()} write) followed, only when the value has them, by the fraction's digits
 * without trailing zeros ({@code 2024-05-01 10:15:30.5}, {@code …30.123456}); instants in UTC
 * without a suffix (SQLite's date functions read suffix-less text as UTC); times
 * {@code HH:MM:SS[.f]} like {@code time()}. Within that form text order is time order (a
 * fraction without trailing zeros orders as its number), and each instant has one spelling, so
 * {@code =} works against {@code CURRENT_TIMESTAMP}'s rows.
 *
 * <p>Other programs (and Oxyde before issue 19) also write {@code 2024-05-01T10:15:30},
 * {@code …Z}, {@code …+02:00}, fixed-width fractions ({@code .000000000}, {@code .500}). A
 * comparison against a date-time or instant therefore compares the column's <em>normalized</em>
 * text (T → space, trailing Z and fraction zeros dropped, an explicit offset converted to UTC
 * through {@code strftime}) with the value, and keeps a plain range on the raw column around it
 * (every form starts with {@code YYYY-MM-DD}; one day of slack each side covers offsets) so an
 * index on the column still narrows the scan.
 */
public final class SqliteTimes {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");

    /** Drop a fraction's trailing zeros (and the dot); {0} is text in Oxyde's separator form. */
    private static final String STRIP = "case when instr({0}, '.') > 0 then rtrim(rtrim({0}, '0'), '.') else {0} end";

    private SqliteTimes() {
    }

    /** The stored text of a local date-time ({@link SqliteFormat#dateTime}). */
    public static String dateTime(LocalDateTime t) {
        return SqliteFormat.dateTime(t);
    }

    /** The stored text of an instant: its UTC date-time ({@link SqliteFormat#instant}). */
    public static String instant(java.time.OffsetDateTime t) {
        return SqliteFormat.instant(t);
    }

    /** The stored text of a time of day ({@link SqliteFormat#time}). */
    public static String time(LocalTime t) {
        return SqliteFormat.time(t);
    }

    /** Whether the lookup compares a date-time, instant or time value, which this class renders. */
    static boolean applies(Lookup lookup, Value v) {
        switch (lookup) {
            case EQ, NE, GT, GTE, LT, LTE -> { return temporal(v.kind()); }
            case IN, BETWEEN -> {
                if (v instanceof Value.Array a && !a.elements().isEmpty()) {
                    for (Value e : a.elements()) {
                        if (!temporal(e.kind()) && e.kind() != ValueKind.NULL) {
                            return false;
                        }
                    }
                    return a.elements().stream().anyMatch(e -> temporal(e.kind()));
                }
                return false;
            }
            default -> { return false; }
        }
    }

    private static boolean temporal(ValueKind k) {
        return k == ValueKind.DATE_TIME || k == ValueKind.TIMESTAMP || k == ValueKind.TIME;
    }

    /** The column's text in Oxyde's stored form, whichever form a row was written in. */
    static Field<Object> normalized(Field<Object> col, ValueKind kind) {
        if (kind == ValueKind.TIME) {
            return DSL.field(STRIP, Object.class, col);
        }
        Field<Object> plain = DSL.field("rtrim(replace({0}, 'T', ' '), 'Zz')", Object.class, col);
        Field<Object> viaUtc = DSL.field("strftime('%Y-%m-%d %H:%M:%f', {0})", Object.class, col);
        return DSL.field("case when substr({0}, 20) glob '*[+-]*' then " + STRIP.replace("{0}", "{2}")
                + " else " + STRIP.replace("{0}", "{1}") + " end", Object.class, col, plain, viaUtc);
    }

    /**
     * An ORDER BY term on SQLite for a column of {@code kind}: times by their normalized text
     * (so rows in every form interleave chronologically), decimals as numbers (their text would
     * order "9.99" after "13.00"); other kinds as they are.
     */
    static Field<?> orderable(Field<Object> col, ValueKind kind) {
        if (temporal(kind)) {
            return normalized(col, kind);
        }
        if (kind == ValueKind.DECIMAL) {
            return DSL.field("cast({0} as numeric)", Object.class, col);
        }
        return col;
    }

    static Condition condition(Binder binder, Field<Object> col, Lookup lookup, Value v, String at) {
        ValueKind kind = v instanceof Value.Array a ? a.elements().stream().map(Value::kind)
                .filter(SqliteTimes::temporal).findFirst().orElseThrow() : v.kind();
        Field<Object> n = normalized(col, kind);
        boolean dated = kind != ValueKind.TIME;
        switch (lookup) {
            case EQ -> { return around(binder, col, v, v, dated, at).and(n.eq(binder.bind(v, Transform.NONE, at))); }
            case NE -> { return n.isDistinctFrom(binder.bind(v, Transform.NONE, at)); }
            case GT -> { return from(binder, col, v, dated, at).and(n.gt(binder.bind(v, Transform.NONE, at))); }
            case GTE -> { return from(binder, col, v, dated, at).and(n.ge(binder.bind(v, Transform.NONE, at))); }
            case LT -> { return until(binder, col, v, dated, at).and(n.lt(binder.bind(v, Transform.NONE, at))); }
            case LTE -> { return until(binder, col, v, dated, at).and(n.le(binder.bind(v, Transform.NONE, at))); }
            case BETWEEN -> {
                List<Value> b = ((Value.Array) v).elements();
                if (b.size() != 2) {
                    throw new RenderException(at + ": between needs exactly two bounds, got " + b.size());
                }
                return around(binder, col, b.get(0), b.get(1), dated, at)
                        .and(n.between(binder.bind(b.get(0), Transform.NONE, at + "[0]"), binder.bind(b.get(1), Transform.NONE, at + "[1]")));
            }
            default -> {
                // IN
                List<Field<Object>> items = new ArrayList<>();
                List<Value> elements = ((Value.Array) v).elements();
                for (int i = 0; i < elements.size(); i++) {
                    if (elements.get(i).kind() != ValueKind.NULL) {
                        items.add(binder.bind(elements.get(i), Transform.NONE, at + "[" + i + "]"));
                    }
                }
                return items.isEmpty() ? DSL.falseCondition() : n.in(items);
            }
        }
    }

    private static Condition from(Binder binder, Field<Object> col, Value low, boolean dated, String at) {
        return dated ? col.ge(binder.bind(low, Transform.SQLITE_DAY_BEFORE, at)) : DSL.noCondition();
    }

    private static Condition until(Binder binder, Field<Object> col, Value high, boolean dated, String at) {
        return dated ? col.lt(binder.bind(high, Transform.SQLITE_DAY_AFTER, at)) : DSL.noCondition();
    }

    private static Condition around(Binder binder, Field<Object> col, Value low, Value high, boolean dated, String at) {
        return from(binder, col, low, dated, at).and(until(binder, col, high, dated, at));
    }

    /** {@code YYYY-MM-DD} of the day before the value's (UTC) day: a lower bound for every written form. */
    static Value dayBefore(Value v) {
        return new Value.Text(DAY.format(day(v).minusDays(1)));
    }

    /** The day after the value's day followed by {@code U} (after ' ' and 'T'): an upper bound for every form. */
    static Value dayAfter(Value v) {
        return new Value.Text(DAY.format(day(v).plusDays(1)) + "U");
    }

    private static LocalDate day(Value v) {
        if (v instanceof Value.DateTime dt) {
            return dt.value().toLocalDate();
        }
        if (v instanceof Value.Timestamp ts) {
            return ts.value().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        }
        throw new IllegalArgumentException("not a date-time: " + v.kind());
    }
}
