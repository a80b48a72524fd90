package io.oxyde;

import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.ValueKind;
import io.oxyde.exception.FieldException;
import io.oxyde.internal.ir.Lookups;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code filter("pk__in", operand)} on a model with a composite key: the rows whose whole key is
 * among the operand's. The operand is a query of models with a composite key of the same kinds
 * (it stands for their keys), or a values query selecting one path per key field. It becomes
 * {@code EXISTS (SELECT … WHERE … AND inner.a = outer.a AND inner.b = outer.b)}, which selects
 * the rows of the row-value {@code (a, b) IN (SELECT a, b …)} (key columns are never NULL, and a
 * selected NULL matches nothing, so {@code exclude} keeps the rows filter does not return) with
 * one filter node every dialect renders.
 */
final class CompositeKeyIn {
    private static final List<String> HINT = List.of("pk__in");

    private CompositeKeyIn() {
    }

    /** Whether {@code path} is the composite key of {@code meta} ({@code pk…}, no field is named pk). */
    static boolean applies(ModelMeta<?> meta, String path) {
        return meta.hasCompositeKey() && (path.equals("pk") || path.startsWith("pk__")) && meta.field("pk").isEmpty();
    }

    /** The condition of {@code path} ({@code pk__in}) and {@code value} on {@code outer}'s model. */
    static FilterNode condition(QueryCore outer, String path, Object value) {
        Class<?> model = outer.model();
        List<FieldMeta> keys = outer.meta.primaryKeys();
        if (!path.equals("pk__in")) {
            throw new FieldException(model, path, "pk of a composite key (" + names(keys) + ") takes only the"
                    + " lookup in, with a query as its operand", HINT);
        }
        if (!SubqueryOperand.isQuery(value)) {
            throw new FieldException(model, path, "pk__in takes a query (of models with a composite key like "
                    + names(keys) + ", or values(...) of one path per key field), got "
                    + (value == null ? "null" : value.getClass().getSimpleName()), HINT);
        }
        QueryCore sub = value instanceof Query<?> q ? q.core().copy() : ((ValuesQuery<?>) value).core().copy();
        if (sub.limit != null || sub.offset != null || !sub.unions.isEmpty()) {
            throw new FieldException(model, path, "a pk__in query cannot be sliced or combined (limit, offset,"
                    + " union): it is correlated with each row", List.of());
        }
        List<QueryCore.ValueColumn> selected = sub.values != null ? sub.values
                : sub.meta.primaryKeys().stream().map(k -> new QueryCore.ValueColumn(k.name(), ColumnRef.of(k.column()), k))
                .toList();
        if (!sub.annotations.isEmpty() || selected.size() != keys.size()) {
            throw new FieldException(model, path, "a pk__in query selects one path per key field (" + names(keys) + "): "
                    + sub.model().getSimpleName() + " query selects " + selected.stream().map(QueryCore.ValueColumn::key)
                    .toList() + (sub.annotations.isEmpty() ? "" : " and annotations"), List.of("values(\"<one path>\", …)"));
        }
        List<FilterNode> match = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            FieldMeta key = keys.get(i);
            QueryCore.ValueColumn inner = selected.get(i);
            ValueKind want = Lookups.valueKind(key);
            ValueKind got = Lookups.valueKind(inner.field());
            if (want != got) {
                throw new FieldException(model, path, "a pk__in query must select the key's types in order: "
                        + sub.model().getSimpleName() + "." + inner.key() + " is " + got + ", " + key.name() + " is "
                        + want, List.of());
            }
            match.add(new FilterNode.Compare(inner.column(), Lookup.EQ, new Expr.Outer(null, key.column()), false));
        }
        sub.eager().clear();
        sub.order().clear();
        sub.filters().addAll(match);
        return new FilterNode.Exists(Correlated.nest(outer, sub.toIr()));
    }

    private static String names(List<FieldMeta> keys) {
        return String.join(", ", keys.stream().map(FieldMeta::name).toList());
    }
}
