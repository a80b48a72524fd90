package io.oxyde.query.internal;

import io.oxyde.codec.Value;
import java.time.LocalDate;
import java.util.Locale;

/**
 * What happens to a slot's value between the IR and the bind parameter. Transforms are part of
 * the cached plan, so a query shape renders once and every execution only re-applies them.
 */
enum Transform {
    /** The value as is. */
    NONE,
    /** A list column's value: an array of slots bound together as one parameter ({@link io.oxyde.query.ListValues}). */
    LIST,
    /**
     * PostgreSQL: text bound with an unspecified type, typed by the server from the column it is
     * stored in or compared with (a native enum type takes its labels from text this way).
     */
    UNTYPED,
    /** Lower-cased with {@link Locale#ROOT} (iexact on PostgreSQL/SQLite). */
    LOWER,
    /** LIKE pattern matching the text exactly (escaped, no wildcards), lower-cased (iexact on MySQL/MariaDB). */
    ILIKE_EXACT,
    LIKE_CONTAINS, LIKE_STARTS, LIKE_ENDS,
    ILIKE_CONTAINS, ILIKE_STARTS, ILIKE_ENDS,
    GLOB_CONTAINS, GLOB_STARTS, GLOB_ENDS,
    /** An integer year to January 1 of that year. */
    YEAR_START,
    /** An integer year to January 1 of the next year (exclusive upper bound). */
    YEAR_END,
    /** SQLite: a date-time or instant to the day before its (UTC) day, {@code YYYY-MM-DD} (index range of {@link SqliteTimes}). */
    SQLITE_DAY_BEFORE,
    /** SQLite: a date-time or instant to the day after its day plus {@code U} (index range of {@link SqliteTimes}). */
    SQLITE_DAY_AFTER,
    /** A regex forced case-sensitive with an inline {@code (?-i)} flag (MySQL/MariaDB REGEXP follows the collation otherwise). */
    REGEX_CASE_SENSITIVE,
    /** A regex made case-insensitive with an inline {@code (?i)} flag. */
    REGEX_IGNORE_CASE;

    /** The escape character of every rendered LIKE: {@code '!'}, not backslash, so no dialect treats it specially in string literals. */
    public static final char LIKE_ESCAPE = '!';

    /** Applies this transform; {@code where} names the slot for error messages. */
    public Value apply(Value v, String where) {
        switch (this) {
            case NONE:
            case LIST:
            case UNTYPED:
                return v;
            case YEAR_START:
            case YEAR_END: {
                long year = ((Value.Int) v).value();
                if (year < 1 || year > 9998) {
                    throw new IllegalArgumentException(where + ": year " + year + " is outside 1..9998");
                }
                return new Value.Date(LocalDate.of((int) year + (this == YEAR_END ? 1 : 0), 1, 1));
            }
            case SQLITE_DAY_BEFORE:
                return SqliteTimes.dayBefore(v);
            case SQLITE_DAY_AFTER:
                return SqliteTimes.dayAfter(v);
            default:
                break;
        }
        String s = ((Value.Text) v).value();
        switch (this) {
            case LOWER:
                return new Value.Text(lower(s));
            case ILIKE_EXACT:
                return new Value.Text(likeEscape(lower(s)));
            case LIKE_CONTAINS:
                return new Value.Text("%" + likeEscape(s) + "%");
            case LIKE_STARTS:
                return new Value.Text(likeEscape(s) + "%");
            case LIKE_ENDS:
                return new Value.Text("%" + likeEscape(s));
            case ILIKE_CONTAINS:
                return new Value.Text("%" + likeEscape(lower(s)) + "%");
            case ILIKE_STARTS:
                return new Value.Text(likeEscape(lower(s)) + "%");
            case ILIKE_ENDS:
                return new Value.Text("%" + likeEscape(lower(s)));
            case GLOB_CONTAINS:
                return new Value.Text("*" + globEscape(s) + "*");
            case GLOB_STARTS:
                return new Value.Text(globEscape(s) + "*");
            case GLOB_ENDS:
                return new Value.Text("*" + globEscape(s));
            case REGEX_CASE_SENSITIVE:
                return new Value.Text("(?-i)" + s);
            case REGEX_IGNORE_CASE:
                return new Value.Text("(?i)" + s);
            default:
                throw new AssertionError(this);
        }
    }

    /** Lower-cases with the root locale (no Turkish dotless-i surprises). */
    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Escapes the escape character and both LIKE wildcards with {@link #LIKE_ESCAPE}. */
    public static String likeEscape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == LIKE_ESCAPE || c == '%' || c == '_') {
                b.append(LIKE_ESCAPE);
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Escapes SQLite GLOB metacharacters by wrapping each in a one-character class. */
    public static String globEscape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[') {
                b.append('[').append(c).append(']');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
