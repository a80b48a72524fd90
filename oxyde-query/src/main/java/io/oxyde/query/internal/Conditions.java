package io.oxyde.query.internal;

import io.oxyde.codec.FilterNode;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.RenderException;
import io.oxyde.exception.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Translates a filter tree (WHERE or HAVING) into a jOOQ condition, one lookup at a time, with
 * the per-dialect choices documented in {@code docs/dialects.md}.
 */
final class Conditions {
    private final Binder binder;
    private final BiFunction<io.oxyde.codec.ColumnRef, String, Field<Object>> resolver;
    private final String place;
    /** The table an UPDATE or DELETE writes, or {@code null}. */
    private final String mutatedTable;
    /** The statement's scope, for subqueries that refer to it ({@link #in}), or {@code null}. */
    private Scope scope;

    /**
     * @param resolver maps a column reference to its field (plain columns in WHERE, aggregate
     *     aliases in HAVING), failing with a message naming the place
     * @param place "filter of select on users" etc., for messages
     */
    public Conditions(Binder binder, BiFunction<io.oxyde.codec.ColumnRef, String, Field<Object>> resolver, String place) {
        this(binder, resolver, place, null);
    }

    private Conditions(Binder binder, BiFunction<io.oxyde.codec.ColumnRef, String, Field<Object>> resolver, String place,
                       String mutatedTable) {
        this.binder = binder;
        this.resolver = resolver;
        this.place = place;
        this.mutatedTable = mutatedTable;
    }

    /**
     * The conditions of an UPDATE or DELETE of {@code table}: on MySQL and MariaDB a subquery
     * that reads that table is wrapped in a derived table, which they require (error 1093,
     * "can't specify target table for update in FROM clause").
     */
    public static Conditions ofMutation(Binder binder, BiFunction<io.oxyde.codec.ColumnRef, String, Field<Object>> resolver,
                                        String place, String table) {
        return new Conditions(binder, resolver, place, table);
    }

    /** Lets subqueries of these conditions refer to the columns of {@code scope} (outer references). */
    public Conditions in(Scope scope) {
        this.scope = scope;
        return this;
    }

    public Condition build(FilterNode node) {
        return build(node, place);
    }

    private Condition build(FilterNode node, String where) {
        if (node instanceof FilterNode.And and) {
            if (and.children().isEmpty()) {
                return DSL.trueCondition();
            }
            List<Condition> parts = new ArrayList<>();
            for (int i = 0; i < and.children().size(); i++) {
                parts.add(build(and.children().get(i), where + ".and[" + i + "]"));
            }
            return DSL.and(parts);
        }
        if (node instanceof FilterNode.Or or) {
            if (or.children().isEmpty()) {
                return DSL.falseCondition();
            }
            List<Condition> parts = new ArrayList<>();
            for (int i = 0; i < or.children().size(); i++) {
                parts.add(build(or.children().get(i), where + ".or[" + i + "]"));
            }
            return DSL.or(parts);
        }
        if (node instanceof FilterNode.Not not) {
            return DSL.not(build(not.child(), where + ".not"));
        }
        if (node instanceof FilterNode.InSelect in) {
            return inSelect(in, where + ".in_select");
        }
        if (node instanceof FilterNode.Compare c) {
            return compare(c, where);
        }
        if (node instanceof FilterNode.Exists ex) {
            return exists(ex, where + ".exists");
        }
        if (node instanceof FilterNode.Test t) {
            return test(t, where + ".test");
        }
        return condition((FilterNode.Condition) node, where);
    }

    private Condition condition(FilterNode.Condition c, String where) {
        String at = where + " (" + c.field() + " " + c.lookup().wireName() + ")";
        Field<Object> col = resolver.apply(c.field(), at);
        Value v = c.value();
        Lookup lookup = c.lookup();
        Dialect d = binder.dialect();
        boolean isNull = v.kind() == ValueKind.NULL;
        if (d == Dialect.SQLITE && SqliteTimes.applies(lookup, v)) { // rows in any common time form
            return SqliteTimes.condition(binder, col, lookup, v, at);
        }
        switch (lookup) {
            case EQ -> {
                // a decimal compares as a number on SQLite (text "7.5" equals 7.50)
                return isNull ? col.isNull() : numericSide(col, v).eq(numericSide(binder.bindCompared(v, at), v));
            }
            case NE -> {
                // Django's exclude(x=v): rows where x is NULL are kept.
                return isNull ? col.isNotNull() : col.isDistinctFrom(binder.bindCompared(v, at));
            }
            case GT -> { return numericSide(col, v).gt(numericSide(scalar(v, at), v)); }
            case GTE -> { return numericSide(col, v).ge(numericSide(scalar(v, at), v)); }
            case LT -> { return numericSide(col, v).lt(numericSide(scalar(v, at), v)); }
            case LTE -> { return numericSide(col, v).le(numericSide(scalar(v, at), v)); }
            case IN -> { return in(col, v, at); }
            case BETWEEN -> {
                List<Value> bounds = array(v, at);
                if (bounds.size() != 2) {
                    throw new RenderException(at + ": between needs exactly two bounds, got " + bounds.size());
                }
                return numericSide(col, bounds.get(0)).between(numericSide(scalar(bounds.get(0), at + "[0]"), bounds.get(0)),
                        numericSide(scalar(bounds.get(1), at + "[1]"), bounds.get(1)));
            }
            case ISNULL -> { return binder.structuralBool(v, at) ? col.isNull() : col.isNotNull(); }
            case IEXACT -> {
                if (isNull) {
                    return col.isNull();
                }
                text(v, at);
                if (d == Dialect.MYSQL || d == Dialect.MARIADB) {
                    return DSL.condition("{0} like cast({1} as binary) escape '!'", lower(col),
                            binder.bind(v, Transform.ILIKE_EXACT, at));
                }
                return lower(col).eq(binder.bind(v, Transform.LOWER, at).coerce(SQLDataType.VARCHAR));
            }
            case CONTAINS -> {
                if (v instanceof Value.Array) { // a list column holds every element
                    return ListConditions.contains(binder, col, v, at);
                }
                return like(col, v, at, false, Transform.LIKE_CONTAINS, Transform.GLOB_CONTAINS);
            }
            case STARTSWITH -> { return like(col, v, at, false, Transform.LIKE_STARTS, Transform.GLOB_STARTS); }
            case ENDSWITH -> { return like(col, v, at, false, Transform.LIKE_ENDS, Transform.GLOB_ENDS); }
            case ICONTAINS -> { return like(col, v, at, true, Transform.ILIKE_CONTAINS, null); }
            case ISTARTSWITH -> { return like(col, v, at, true, Transform.ILIKE_STARTS, null); }
            case IENDSWITH -> { return like(col, v, at, true, Transform.ILIKE_ENDS, null); }
            case YEAR -> {
                integer(v, at);
                return col.ge(binder.bind(v, Transform.YEAR_START, at)).and(col.lt(binder.bind(v, Transform.YEAR_END, at)));
            }
            case MONTH -> {
                integer(v, at);
                return DSL.month(col.coerce(SQLDataType.TIMESTAMP)).coerce(Object.class).eq(binder.bind(v, Transform.NONE, at));
            }
            case DAY -> {
                integer(v, at);
                return DSL.day(col.coerce(SQLDataType.TIMESTAMP)).coerce(Object.class).eq(binder.bind(v, Transform.NONE, at));
            }
            case REGEX, IREGEX -> { return regex(col, v, at, lookup == Lookup.IREGEX); }
            case OVERLAP -> { return ListConditions.overlap(binder, col, v, at); }
            case LEN -> { return ListConditions.len(binder, col, v, at); }
            default -> throw new RenderException(at + ": unknown lookup " + lookup);
        }
    }

    /** {@code field <op> expr}, column vs expression; {@code numeric} casts both sides on SQLite. */
    private Condition compare(FilterNode.Compare c, String where) {
        String at = where + " (" + c.field() + " " + c.lookup().wireName() + " expression)";
        Field<Object> left = resolver.apply(c.field(), at);
        Field<Object> right = Expressions.build(c.expr(), resolver, scope, binder, at);
        if (c.numeric() && binder.dialect() == Dialect.SQLITE) {
            left = DSL.field("cast({0} as numeric)", Object.class, left);
            right = DSL.field("cast({0} as numeric)", Object.class, right);
        }
        return switch (c.lookup()) {
            case EQ -> left.eq(right);
            case NE -> left.isDistinctFrom(right);
            case GT -> left.gt(right);
            case GTE -> left.ge(right);
            case LT -> left.lt(right);
            case LTE -> left.le(right);
            default -> throw new RenderException(at + ": compare takes eq, ne, gt, gte, lt or lte, not " + c.lookup().wireName());
        };
    }

    /** {@code field IN (subquery)}; the subquery's binds join this statement's. */
    private Condition inSelect(FilterNode.InSelect in, String where) {
        String at = where + " (" + in.field() + " in select on " + in.query().table() + ")";
        Field<Object> col = resolver.apply(in.field(), at);
        Dialect d = binder.dialect();
        if ((d == Dialect.MYSQL || d == Dialect.MARIADB) && (in.query().limit() != null || in.query().offset() != null)) {
            throw new UnsupportedFeatureException("LIMIT/OFFSET in an IN subquery", d,
                    "MySQL and MariaDB refuse LIMIT inside IN (...); filter the subquery instead of slicing it (" + at + ")");
        }
        Select<? extends Record1<Object>> sub = scope != null && Correlation.refersOut(in.query())
                ? SelectCompiler.correlated(in.query(), binder, "subquery of " + at, scope)
                : SelectCompiler.subquery(in.query(), binder, "subquery of " + at);
        if (mutatedTable != null && (d == Dialect.MYSQL || d == Dialect.MARIADB) && reads(in.query(), mutatedTable)) {
            Name derived = DSL.quotedName("oxyde_in");
            String column = in.query().columns().isEmpty() ? in.query().aggregates().get(0).alias()
                    : in.query().columns().get(0).column();
            return col.in(DSL.select(DSL.field(DSL.quotedName("oxyde_in", column))).from(sub.asTable(derived)));
        }
        return col.in(sub);
    }

    /** {@code EXISTS (subquery)}, the subquery's relations named apart from this statement's. */
    private Condition exists(FilterNode.Exists ex, String where) {
        String at = where + " (select on " + ex.query().table() + ")";
        if (scope == null) {
            return DSL.exists(SelectCompiler.subquery(ex.query(), binder, "subquery of " + at));
        }
        return DSL.exists(SelectCompiler.correlated(ex.query(), binder, "subquery of " + at, scope));
    }

    /** {@code left <op> right} over two expressions; {@code isnull} takes a structural bool. */
    private Condition test(FilterNode.Test t, String where) {
        String at = where + " (" + t.lookup().wireName() + ")";
        Field<Object> left = Expressions.build(t.left(), resolver, scope, binder, at + " left");
        if (t.lookup() == Lookup.ISNULL) {
            if (!(t.right() instanceof io.oxyde.codec.Expr.Literal l)) {
                throw new RenderException(at + ": isnull takes a bool value");
            }
            return binder.structuralBool(l.value(), at) ? left.isNull() : left.isNotNull();
        }
        Field<Object> right = Expressions.build(t.right(), resolver, scope, binder, at + " right");
        if (t.numeric() && binder.dialect() == Dialect.SQLITE) {
            left = DSL.field("cast({0} as numeric)", Object.class, left);
            right = DSL.field("cast({0} as numeric)", Object.class, right);
        }
        return switch (t.lookup()) {
            case EQ -> left.eq(right);
            case NE -> left.isDistinctFrom(right);
            case GT -> left.gt(right);
            case GTE -> left.ge(right);
            case LT -> left.lt(right);
            case LTE -> left.le(right);
            default -> throw new RenderException(at + ": test takes eq, ne, gt, gte, lt, lte or isnull, not "
                        + t.lookup().wireName());
        };
    }

    /** Whether {@code s} (or a subquery or union part of it) reads {@code table}. */
    private static boolean reads(SelectIr s, String table) {
        if (s.table().equals(table) || s.joins().stream().anyMatch(j -> j.table().equals(table))
                || s.setOperations().stream().anyMatch(op -> reads(op.query(), table))) {
            return true;
        }
        return reads(s.filter(), table) || reads(s.having(), table);
    }

    private static boolean reads(FilterNode node, String table) {
        if (node instanceof FilterNode.InSelect in) {
            return reads(in.query(), table);
        }
        if (node instanceof FilterNode.And and) {
            return and.children().stream().anyMatch(c -> reads(c, table));
        }
        if (node instanceof FilterNode.Or or) {
            return or.children().stream().anyMatch(c -> reads(c, table));
        }
        return node instanceof FilterNode.Not not && reads(not.child(), table);
    }

    private Condition in(Field<Object> col, Value v, String at) {
        List<Field<Object>> items = new ArrayList<>();
        List<Value> elements = array(v, at);
        for (int i = 0; i < elements.size(); i++) {
            Value e = elements.get(i);
            // Like Django, NULL never matches IN; dropping it keeps NOT IN from matching nothing.
            if (e.kind() != ValueKind.NULL) {
                items.add(binder.bindCompared(e, at + "[" + i + "]"));
            }
        }
        return items.isEmpty() ? DSL.falseCondition() : col.in(items);
    }

    private Condition like(Field<Object> col, Value v, String at, boolean ignoreCase, Transform likeT, Transform globT) {
        text(v, at);
        Dialect d = binder.dialect();
        if (ignoreCase) {
            Field<Object> p = binder.bind(v, likeT, at);
            if (d == Dialect.MYSQL || d == Dialect.MARIADB) {
                return DSL.condition("{0} like cast({1} as binary) escape '!'", lower(col), p);
            }
            return lower(col).like(p.coerce(SQLDataType.VARCHAR), Transform.LIKE_ESCAPE);
        }
        if (d == Dialect.SQLITE) {
            // SQLite's LIKE ignores ASCII case; GLOB is case-sensitive.
            return DSL.condition("{0} glob {1}", col, binder.bind(v, globT, at));
        }
        Field<Object> p = binder.bind(v, likeT, at);
        if (d == Dialect.MYSQL || d == Dialect.MARIADB) {
            // The default collations are case- and accent-insensitive; compare bytes.
            return DSL.condition("{0} like cast({1} as binary) escape '!'", col, p);
        }
        return col.coerce(SQLDataType.VARCHAR).like(p.coerce(SQLDataType.VARCHAR), Transform.LIKE_ESCAPE);
    }

    private Condition regex(Field<Object> col, Value v, String at, boolean ignoreCase) {
        text(v, at);
        Dialect d = binder.dialect();
        String lookup = ignoreCase ? "iregex" : "regex";
        return switch (d) {
            case POSTGRES -> DSL.condition(ignoreCase ? "{0} ~* {1}" : "{0} ~ {1}", col, binder.bind(v, Transform.NONE, at));
            case MYSQL, MARIADB -> DSL.condition("{0} regexp {1}", col,
                        binder.bind(v, ignoreCase ? Transform.REGEX_IGNORE_CASE : Transform.REGEX_CASE_SENSITIVE, at));
            default -> throw new UnsupportedFeatureException(lookup + " lookup", d,
                        "SQLite has no REGEXP function unless the application registers one (" + at + ")");
        };
    }

    /**
     * SQLite stores decimals as exact text, which would order textually ("9.99" > "13.00"); an
     * ordering comparison against a decimal therefore compares both sides as numbers.
     */
    private Field<Object> numericSide(Field<Object> f, Value v) {
        if (binder.dialect() == Dialect.SQLITE && v.kind() == ValueKind.DECIMAL) {
            return DSL.field("cast({0} as numeric)", Object.class, f);
        }
        return f;
    }

    private static Field<String> lower(Field<Object> col) {
        return DSL.lower(col.coerce(SQLDataType.VARCHAR));
    }

    private Field<Object> scalar(Value v, String at) {
        if (v.kind() == ValueKind.NULL) {
            throw new RenderException(at + ": comparison with NULL is never true; use isnull or eq/ne with NULL");
        }
        if (v instanceof Value.Array) {
            throw new RenderException(at + ": expected a single value, got an array");
        }
        return binder.bindCompared(v, at);
    }

    private static List<Value> array(Value v, String at) {
        if (!(v instanceof Value.Array a)) {
            throw new RenderException(at + ": expected an array value, got " + v.kind());
        }
        return a.elements();
    }

    private static void text(Value v, String at) {
        if (v.kind() != ValueKind.TEXT) {
            throw new RenderException(at + ": expected a text value, got " + v.kind());
        }
    }

    private static void integer(Value v, String at) {
        if (v.kind() != ValueKind.INT) {
            throw new RenderException(at + ": expected an integer value, got " + v.kind());
        }
    }
}
