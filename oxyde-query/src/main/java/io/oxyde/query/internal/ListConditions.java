package io.oxyde.query.internal;

import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.RenderException;
import io.oxyde.exception.UnsupportedFeatureException;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Lookups on list columns: {@code contains} (every given element is in the list),
 * {@code overlap} (at least one is) and {@code len} (number of elements). PostgreSQL arrays use
 * {@code @>}, {@code &&} and {@code cardinality}; SQLite's JSON arrays {@code json_each} and
 * {@code json_array_length}; MariaDB's {@code JSON_CONTAINS}, {@code JSON_OVERLAPS} and
 * {@code JSON_LENGTH}. MySQL before 8.0.17 has no {@code JSON_OVERLAPS}, so overlap is refused
 * there. The needle list is bound as one parameter, in the column's own storage form.
 */
final class ListConditions {

    private ListConditions() {
    }

    static Condition contains(Binder binder, Field<Object> col, Value v, String at) {
        Field<Object> needle = binder.bindValue(list(v, at), at);
        return switch (binder.dialect()) {
            case POSTGRES -> DSL.condition("{0} @> {1}", col, needle);
            // every needle element has an equal element in the column (json_each compares
            // integers, reals and text by SQLite's rules: 1 = 1.0, 1 <> '1')
            case SQLITE -> DSL.condition("not exists (select 1 from json_each({1}) as n where not exists "
                        + "(select 1 from json_each({0}) as h where h.value = n.value))", col, needle);
            case MARIADB, MYSQL -> DSL.condition("json_contains({0}, {1})", col, needle);
            default -> throw new UnsupportedFeatureException("contains on a list", binder.dialect(), at);
        };
    }

    static Condition overlap(Binder binder, Field<Object> col, Value v, String at) {
        Field<Object> needle = binder.bindValue(list(v, at), at);
        return switch (binder.dialect()) {
            case POSTGRES -> DSL.condition("{0} && {1}", col, needle);
            case SQLITE -> DSL.condition("exists (select 1 from json_each({0}) as h, json_each({1}) as n "
                        + "where h.value = n.value)", col, needle);
            case MARIADB -> DSL.condition("json_overlaps({0}, {1})", col, needle);
            default -> throw new UnsupportedFeatureException("overlap lookup", binder.dialect(),
                        "JSON_OVERLAPS needs MySQL 8.0.17; Oxyde's MYSQL dialect targets 5.7 too (" + at + ")");
        };
    }

    static Condition len(Binder binder, Field<Object> col, Value v, String at) {
        if (v.kind() != ValueKind.INT) {
            throw new RenderException(at + ": len needs an integer value, got " + v.kind());
        }
        Field<Object> n = binder.bind(v, Transform.NONE, at);
        return switch (binder.dialect()) {
            case POSTGRES -> DSL.condition("cardinality({0}) = {1}", col, n);
            case SQLITE -> DSL.condition("json_array_length({0}) = {1}", col, n);
            default -> DSL.condition("json_length({0}) = {1}", col, n);
        };
    }

    private static Value list(Value v, String at) {
        if (!(v instanceof Value.Array)) {
            throw new RenderException(at + ": expected a list value, got " + v.kind());
        }
        return v;
    }
}
