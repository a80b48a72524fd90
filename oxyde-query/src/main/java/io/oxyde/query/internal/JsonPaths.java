package io.oxyde.query.internal;

import io.oxyde.codec.ScalarFunction;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.UnsupportedFeatureException;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * JSON key paths (protocol revision 1.3 functions {@code json_text}, {@code json_number},
 * {@code json_bool}, {@code json_has}, {@code json_contains}) per dialect. The path is one bound
 * value in SQL/JSON path form ({@code $."a"."b"}), which PostgreSQL's {@code jsonpath}, SQLite's
 * {@code json_extract} and MariaDB's {@code JSON_EXTRACT} all read, so no key is spliced into the
 * SQL. A typed extraction is NULL where the value at the path has another JSON type, on every
 * dialect (never a cast error, never a silent 0).
 */
final class JsonPaths {

    private JsonPaths() {
    }

    /** Whether {@code f} is one of the JSON path functions rendered here. */
    static boolean handles(ScalarFunction f) {
        return switch (f) {
            case JSON_TEXT, JSON_NUMBER, JSON_BOOL, JSON_HAS, JSON_CONTAINS -> true;
            default -> false;
        };
    }

    static Field<Object> build(ScalarFunction f, Field<Object> doc, Field<Object> path, Dialect d, String at) {
        return switch (d) {
            case POSTGRES -> postgres(f, doc, path);
            case SQLITE -> sqlite(f, doc, path, at);
            default -> mysql(f, doc, path);
        };
    }

    private static Field<Object> postgres(ScalarFunction f, Field<Object> doc, Field<Object> path) {
        String at = "jsonb_path_query_first({0}, cast({1} as jsonpath))";
        String text = "(jsonb_build_array(" + at + ") ->> 0)";
        return switch (f) {
            case JSON_TEXT -> DSL.field("(case when jsonb_typeof(" + at + ") = 'string' then " + text + " end)",
                    Object.class, doc, path);
            case JSON_NUMBER -> DSL.field("(case when jsonb_typeof(" + at + ") = 'number' then cast(" + text
                    + " as numeric) end)", Object.class, doc, path);
            case JSON_BOOL -> DSL.field("(case when jsonb_typeof(" + at + ") = 'boolean' then cast(" + text
                    + " as boolean) end)", Object.class, doc, path);
            case JSON_HAS -> DSL.field("jsonb_path_exists({0}, cast({1} as jsonpath))", Object.class, doc, path);
            default -> DSL.field("({0} @> cast({1} as jsonb))", Object.class, doc, path);
        };
    }

    private static Field<Object> sqlite(ScalarFunction f, Field<Object> doc, Field<Object> path, String at) {
        return switch (f) {
            case JSON_TEXT -> DSL.field("(case when json_type({0}, {1}) = 'text' then json_extract({0}, {1}) end)",
                    Object.class, doc, path);
            case JSON_NUMBER -> DSL.field("(case when json_type({0}, {1}) in ('integer', 'real') then"
                    + " json_extract({0}, {1}) end)", Object.class, doc, path);
            case JSON_BOOL -> DSL.field("(case when json_type({0}, {1}) in ('true', 'false') then"
                    + " json_extract({0}, {1}) end)", Object.class, doc, path);
            case JSON_HAS -> DSL.field("(json_type({0}, {1}) is not null)", Object.class, doc, path);
            default -> throw new UnsupportedFeatureException("JSON contains", Dialect.SQLITE, "SQLite's JSON functions"
                    + " have no containment test; filter on the keys instead (data__key=value, data__has_key) (" + at
                    + ")");
        };
    }

    private static Field<Object> mysql(ScalarFunction f, Field<Object> doc, Field<Object> path) {
        String at = "json_extract({0}, {1})";
        return switch (f) {
            case JSON_TEXT -> DSL.field("(case when json_type(" + at + ") = 'STRING' then json_unquote(" + at + ") end)",
                    Object.class, doc, path);
            case JSON_NUMBER -> DSL.field("(case when json_type(" + at + ") in ('INTEGER', 'DOUBLE', 'DECIMAL') then"
                    + " cast(json_unquote(" + at + ") as decimal(65, 30)) end)", Object.class, doc, path);
            case JSON_BOOL -> DSL.field("(case when json_type(" + at + ") = 'BOOLEAN' then json_unquote(" + at
                    + ") = 'true' end)", Object.class, doc, path);
            case JSON_HAS -> DSL.field("json_contains_path({0}, 'one', {1})", Object.class, doc, path);
            default -> DSL.field("json_contains({0}, {1})", Object.class, doc, path);
        };
    }
}
