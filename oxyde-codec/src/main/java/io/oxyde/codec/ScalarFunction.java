package io.oxyde.codec;

/**
 * A scalar SQL function of an {@link Expr.Call}, with the number of arguments it takes. The wire
 * name is lower case; casts and date parts are functions of their own (one argument), so that
 * no argument is a type or unit name. Since protocol revision 1.2.
 */
public enum ScalarFunction {
    /** The first non-NULL argument. */
    COALESCE("coalesce", 2, 16),
    /** The arguments as text, joined (NULL if any is NULL). */
    CONCAT("concat", 2, 16),
    LOWER("lower", 1, 1),
    UPPER("upper", 1, 1),
    /** Length in characters. */
    LENGTH("length", 1, 1),
    /** Without leading and trailing spaces. */
    TRIM("trim", 1, 1),
    /** {@code substr(text, start[, length])}, {@code start} counting from 1. */
    SUBSTR("substr", 2, 3),
    /** {@code round(number[, places])}, half away from zero. */
    ROUND("round", 1, 2),
    ABS("abs", 1, 1),
    /** The current timestamp of the database. */
    NOW("now", 0, 0),
    EXTRACT_YEAR("extract_year", 1, 1),
    EXTRACT_MONTH("extract_month", 1, 1),
    EXTRACT_DAY("extract_day", 1, 1),
    EXTRACT_HOUR("extract_hour", 1, 1),
    /** Day of the week, 1 = Sunday … 7 = Saturday (Django's {@code week_day}). */
    EXTRACT_WEEK_DAY("extract_week_day", 1, 1),
    CAST_TEXT("cast_text", 1, 1),
    CAST_INTEGER("cast_integer", 1, 1),
    CAST_FLOAT("cast_float", 1, 1),
    CAST_DECIMAL("cast_decimal", 1, 1),
    /** A date-time truncated to the start of its year (revision 1.3; Django's {@code TruncYear}). */
    TRUNC_YEAR("trunc_year", 1, 1),
    /** A date-time truncated to the start of its month (revision 1.3). */
    TRUNC_MONTH("trunc_month", 1, 1),
    /** A date-time truncated to midnight (revision 1.3). */
    TRUNC_DAY("trunc_day", 1, 1),
    /** A date-time truncated to the start of its hour (revision 1.3). */
    TRUNC_HOUR("trunc_hour", 1, 1),
    /** A date-time truncated to the start of its minute (revision 1.3). */
    TRUNC_MINUTE("trunc_minute", 1, 1),
    /**
     * {@code json_text(document, path)}: the text of the scalar at a JSON path ({@code $."a"."b"},
     * given as a value), NULL where there is none (revision 1.3, JSON key paths).
     */
    JSON_TEXT("json_text", 2, 2),
    /** The number at a JSON path, NULL where there is none or it is not a number (revision 1.3). */
    JSON_NUMBER("json_number", 2, 2),
    /** The boolean at a JSON path, NULL where there is none or it is not a boolean (revision 1.3). */
    JSON_BOOL("json_bool", 2, 2),
    /** Whether the JSON path exists in the document (revision 1.3; {@code has_key}). */
    JSON_HAS("json_has", 2, 2),
    /** Whether the document contains the JSON value given (revision 1.3; {@code contains}). */
    JSON_CONTAINS("json_contains", 2, 2);

    private final String wireName;
    private final int minArgs;
    private final int maxArgs;

    ScalarFunction(String wireName, int minArgs, int maxArgs) {
        this.wireName = wireName;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    public String wireName() {
        return wireName;
    }

    /** The fewest arguments it takes. */
    public int minArgs() {
        return minArgs;
    }

    /** The most arguments it takes. */
    public int maxArgs() {
        return maxArgs;
    }

    /** The function with this wire name, or {@code null}. */
    public static ScalarFunction fromWireName(String name) {
        for (ScalarFunction f : values()) {
            if (f.wireName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
