package io.oxyde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.ScalarFunction;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.exception.FieldException;
import io.oxyde.internal.ir.PathSyntax;
import io.oxyde.meta.FieldMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Filters into a JSON field of the model (protocol revision 1.3 {@code json_*} functions),
 * Django's key transforms: {@code filter("data__owner__name", "Ada")} compares the value at that
 * key path, typed by the Java value (a {@code String} with a JSON string, a number with a JSON
 * number, a {@code Boolean} with a JSON boolean; a value of another JSON type, or no value, does
 * not match); {@code data__owner__has_key} tests that a key exists; {@code data__contains} that
 * the document contains a JSON object or array. The path is bound as one SQL/JSON path value
 * ({@code $."owner"."name"}), never spliced. Under negation ({@code exclude}) a document without
 * the key is kept, as a NULL column is.
 */
final class JsonLookups {

    static final List<String> LOOKUPS = List.of("exact", "eq", "ne", "gt", "gte", "lt", "lte", "has_key", "contains",
            "isnull");
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLookups() {
    }

    /** The condition, or {@code null} when {@code path} does not go into a JSON field of the model. */
    static FilterNode condition(QueryCore core, String path, Object value, boolean negated) {
        int cut = path.indexOf(PathSyntax.SEPARATOR);
        if (cut < 0) {
            return null;
        }
        FieldMeta f = core.meta.field(path.substring(0, cut)).orElse(null);
        if (f == null || f.kind() != ValueKind.JSON) {
            return null; // decided from the first part alone: most paths are not JSON lookups
        }
        String[] parts = PathSyntax.parts(path);
        List<String> keys = new ArrayList<>(List.of(parts).subList(1, parts.length));
        String last = keys.get(keys.size() - 1);
        if (keys.size() == 1 && last.equals("isnull")) {
            return null; // "data__isnull": the column's own NULL test, not a key named isnull
        }
        Expr doc = new Expr.Column(f.column());
        FilterNode test;
        Expr tested;
        if (last.equals("isnull")) {
            // Django: "data__owner__isnull=True" matches documents without that key
            keys.remove(keys.size() - 1);
            if (!(value instanceof Boolean missing)) {
                throw new FieldException(core.model(), path, "isnull takes a Boolean, got " + value, List.of("isnull"));
            }
            tested = call(ScalarFunction.JSON_HAS, doc, keys, core, path);
            FilterNode has = new FilterNode.Test(tested, Lookup.EQ, new Expr.Literal(Value.Bool.TRUE), false);
            if (!missing) {
                return has;
            }
            // a NULL document has no keys either: the same answer on every dialect
            return new FilterNode.Or(List.of(new FilterNode.Test(tested, Lookup.EQ, new Expr.Literal(Value.Bool.FALSE),
                    false), new FilterNode.Test(doc, Lookup.ISNULL, new Expr.Literal(Value.Bool.TRUE), false)));
        }
        if (last.equals("has_key")) {
            keys.remove(keys.size() - 1);
            if (!(value instanceof String key)) {
                throw new FieldException(core.model(), path, "has_key takes the key (a String), got " + value, List.of());
            }
            keys.add(key);
            tested = call(ScalarFunction.JSON_HAS, doc, keys, core, path);
            test = new FilterNode.Test(tested, Lookup.EQ, new Expr.Literal(Value.Bool.TRUE), false);
        } else if (last.equals("contains")) {
            if (keys.size() != 1) {
                throw new FieldException(core.model(), path, "contains tests the whole JSON document"
                        + " (\"" + parts[0] + "__contains\"), not a key path", List.of());
            }
            if (core.target.dialect() == io.oxyde.dialect.Dialect.SQLITE) {
                throw new io.oxyde.exception.UnsupportedFeatureException("filter(\"" + path + "\", ...)",
                        core.target.dialect(), "SQLite's JSON functions have no containment test; filter on the keys"
                        + " instead (" + parts[0] + "__key=value, " + parts[0] + "__has_key) (query on "
                        + core.model().getSimpleName() + ")");
            }
            if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
                throw new FieldException(core.model(), path, "contains takes a Map or a List (a JSON object or array),"
                        + " got " + value, List.of());
            }
            String text;
            try {
                text = JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new FieldException(core.model(), path, "contains: the value is not JSON: " + e.getOriginalMessage(),
                        List.of());
            }
            tested = new Expr.Call(ScalarFunction.JSON_CONTAINS, List.of(doc, new Expr.Literal(new Value.Json(text))));
            test = new FilterNode.Test(tested, Lookup.EQ, new Expr.Literal(Value.Bool.TRUE), false);
        } else {
            Lookup lookup = Lookup.EQ;
            if (LOOKUPS.contains(last)) {
                keys.remove(keys.size() - 1);
                lookup = last.equals("exact") ? Lookup.EQ : Lookup.fromWireName(last);
            }
            if (keys.isEmpty()) {
                throw new FieldException(core.model(), path, "a JSON field is compared at a key path"
                        + " (\"" + parts[0] + "__key\") or with has_key / contains", LOOKUPS);
            }
            ScalarFunction extract;
            if (value instanceof String) {
                extract = ScalarFunction.JSON_TEXT;
            } else if (value instanceof Number && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
                extract = ScalarFunction.JSON_NUMBER;
            } else if (value instanceof Boolean && (lookup == Lookup.EQ || lookup == Lookup.NE)) {
                extract = ScalarFunction.JSON_BOOL;
            } else {
                throw new FieldException(core.model(), path, "a JSON key path is compared with a String, a number or"
                        + " (eq, ne) a Boolean, got " + value + "; test a key's presence with has_key", List.of());
            }
            tested = call(extract, doc, keys, core, path);
            test = new FilterNode.Test(tested, lookup, new Expr.Literal(Value.of(value)),
                    extract == ScalarFunction.JSON_NUMBER);
        }
        if (!negated) {
            return test;
        }
        return new FilterNode.And(List.of(test, new FilterNode.Test(tested, Lookup.ISNULL,
                new Expr.Literal(Value.Bool.FALSE), false)));
    }

    private static Expr call(ScalarFunction f, Expr doc, List<String> keys, QueryCore core, String path) {
        StringBuilder p = new StringBuilder("$");
        for (String k : keys) {
            if (k.isEmpty() || k.indexOf('"') >= 0 || k.indexOf('\\') >= 0) {
                throw new FieldException(core.model(), path, "a JSON key must be non-empty and hold no '\"' or '\\\\',"
                        + " found \"" + k + "\"", List.of());
            }
            p.append(".\"").append(k).append('"');
        }
        return new Expr.Call(f, List.of(doc, new Expr.Literal(Value.of(p.toString()))));
    }
}
