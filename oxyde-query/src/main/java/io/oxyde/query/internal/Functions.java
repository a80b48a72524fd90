package io.oxyde.query.internal;

import io.oxyde.codec.Expr;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.RenderException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Scalar functions ({@link Expr.Call}) through jOOQ per dialect; see {@code docs/dialects.md}.
 * Decimals are text on SQLite, so numeric functions cast their argument to NUMERIC there.
 */
final class Functions {

    private Functions() {
    }

    static Field<Object> build(Expr.Call call, List<Field<Object>> args, Dialect d, String at) {
        if (JsonPaths.handles(call.function())) { // revision 1.3 JSON key paths
            return JsonPaths.build(call.function(), args.get(0), args.get(1), d, at);
        }
        switch (call.function()) {
            case COALESCE -> {
                StringBuilder sql = new StringBuilder("coalesce(");
                for (int i = 0; i < args.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append('{').append(i).append('}');
                }
                return DSL.field(sql.append(')').toString(), Object.class, args.toArray(new Field<?>[0]));
            }
            case CONCAT -> {
                List<Field<?>> texts = new ArrayList<>();
                for (Field<Object> a : args) {
                    texts.add(text(a, d));
                }
                return DSL.concat(texts.toArray(new Field<?>[0])).coerce(Object.class);
            }
            case LOWER -> { return DSL.lower(args.get(0).coerce(SQLDataType.VARCHAR)).coerce(Object.class); }
            case UPPER -> { return DSL.upper(args.get(0).coerce(SQLDataType.VARCHAR)).coerce(Object.class); }
            case LENGTH -> { return DSL.charLength(args.get(0).coerce(SQLDataType.VARCHAR)).coerce(Object.class); }
            case TRIM -> { return DSL.trim(args.get(0).coerce(SQLDataType.VARCHAR)).coerce(Object.class); }
            case SUBSTR -> {
                Field<String> s = args.get(0).coerce(SQLDataType.VARCHAR);
                Field<Integer> start = integer(args.get(1), d);
                return (args.size() == 2 ? DSL.substring(s, start)
                        : DSL.substring(s, start, integer(args.get(2), d))).coerce(Object.class);
            }
            case ROUND -> {
                Field<BigDecimal> x = number(args.get(0), d);
                if (args.size() == 1) {
                    return DSL.round(x).coerce(Object.class);
                }
                return DSL.field("round({0}, {1})", Object.class, x, integer(args.get(1), d));
            }
            case ABS -> { return DSL.abs(number(args.get(0), d)).coerce(Object.class); }
            case NOW -> { return DSL.currentTimestamp().coerce(Object.class); }
            case EXTRACT_YEAR -> { return extract(args.get(0), DatePart.YEAR, d); }
            case EXTRACT_MONTH -> { return extract(args.get(0), DatePart.MONTH, d); }
            case EXTRACT_DAY -> { return extract(args.get(0), DatePart.DAY, d); }
            case EXTRACT_HOUR -> { return extract(args.get(0), DatePart.HOUR, d); }
            case EXTRACT_WEEK_DAY -> {
                return switch (d) {
                    case POSTGRES -> DSL.field("(cast(extract(dow from {0}) as bigint) + 1)", Object.class, args.get(0));
                    case SQLITE -> DSL.field("(cast(strftime('%w', {0}) as integer) + 1)", Object.class, args.get(0));
                    default -> DSL.field("dayofweek({0})", Object.class, args.get(0));
                };
            }
            case CAST_TEXT -> {
                return DSL.cast(args.get(0), d == Dialect.MYSQL || d == Dialect.MARIADB ? SQLDataType.CHAR
                        : SQLDataType.VARCHAR).coerce(Object.class);
            }
            case CAST_INTEGER -> {
                if (d == Dialect.MYSQL || d == Dialect.MARIADB) {
                    return DSL.field("cast({0} as signed)", Object.class, args.get(0));
                }
                return DSL.field("cast({0} as bigint)", Object.class, args.get(0));
            }
            case CAST_FLOAT -> {
                if (d == Dialect.MYSQL || d == Dialect.MARIADB) {
                    return DSL.field("cast({0} as double)", Object.class, args.get(0));
                }
                return DSL.field(d == Dialect.SQLITE ? "cast({0} as real)" : "cast({0} as double precision)",
                        Object.class, args.get(0));
            }
            case CAST_DECIMAL -> {
                if (d == Dialect.SQLITE) {
                    // decimals are exact text on SQLite: the cast keeps the value as its text
                    return DSL.field("cast({0} as text)", Object.class, args.get(0));
                }
                return DSL.field(d == Dialect.POSTGRES ? "cast({0} as numeric)" : "cast({0} as decimal(65, 30))",
                        Object.class, args.get(0));
            }
            case TRUNC_YEAR -> { return trunc(args.get(0), "year", "%Y-01-01 00:00:00", "%Y-01-01 00:00:00", d); }
            case TRUNC_MONTH -> { return trunc(args.get(0), "month", "%Y-%m-01 00:00:00", "%Y-%m-01 00:00:00", d); }
            case TRUNC_DAY -> { return trunc(args.get(0), "day", "%Y-%m-%d 00:00:00", "%Y-%m-%d 00:00:00", d); }
            case TRUNC_HOUR -> { return trunc(args.get(0), "hour", "%Y-%m-%d %H:00:00", "%Y-%m-%d %H:00:00", d); }
            case TRUNC_MINUTE -> { return trunc(args.get(0), "minute", "%Y-%m-%d %H:%M:00", "%Y-%m-%d %H:%i:00", d); }
            default -> throw new RenderException(at + ": unknown function " + call.function());
        }
    }

    /**
     * A date-time truncated to a unit, a date-time on every dialect: PostgreSQL's {@code
     * date_trunc} (on a {@code timestamp} it is one), SQLite's {@code strftime} to the form it
     * stores date-times in ({@code YYYY-MM-DD HH:MM:SS}, so comparisons and grouping with stored
     * and bound values line up), MariaDB's {@code date_format} cast back to {@code datetime}.
     */
    private static Field<Object> trunc(Field<Object> f, String unit, String sqlite, String mysql, Dialect d) {
        return switch (d) {
            case POSTGRES -> DSL.field("date_trunc('" + unit + "', {0})", Object.class, f);
            case SQLITE -> DSL.field("strftime('" + sqlite + "', {0})", Object.class, f);
            case MYSQL, MARIADB -> DSL.field("cast(date_format({0}, '" + mysql + "') as datetime)", Object.class, f);
        };
    }

    /** An integer argument; PostgreSQL binds Java longs as bigint, which its functions do not take. */
    private static Field<Integer> integer(Field<Object> f, Dialect d) {
        return d == Dialect.POSTGRES ? DSL.cast(f, SQLDataType.INTEGER) : f.coerce(SQLDataType.INTEGER);
    }

    private static Field<?> text(Field<Object> f, Dialect d) {
        return d == Dialect.POSTGRES ? DSL.field("cast({0} as text)", String.class, f) : f.coerce(SQLDataType.VARCHAR);
    }

    private static Field<BigDecimal> number(Field<Object> f, Dialect d) {
        return d == Dialect.SQLITE ? DSL.field("cast({0} as numeric)", SQLDataType.NUMERIC, f) : f.coerce(SQLDataType.NUMERIC);
    }

    private static Field<Object> extract(Field<Object> f, DatePart part, Dialect d) {
        if (d == Dialect.SQLITE) {
            String fmt = switch (part) {
                case YEAR -> "%Y";
                case MONTH -> "%m";
                case DAY -> "%d";
                default -> "%H";
            };
            return DSL.field("cast(strftime('" + fmt + "', {0}) as integer)", Object.class, f);
        }
        // PostgreSQL's extract is numeric (2009.0 on some versions): an integer on every dialect
        return DSL.field(d == Dialect.POSTGRES ? "cast({0} as bigint)" : "{0}", Object.class,
                DSL.extract(f.coerce(SQLDataType.TIMESTAMP), part));
    }
}
