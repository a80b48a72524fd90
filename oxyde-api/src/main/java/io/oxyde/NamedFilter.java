package io.oxyde;

import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.exception.FieldException;
import java.util.ArrayList;
import java.util.List;

/**
 * A filter on a named expression of a model query ({@code annotate("n", Count.of("albums"))
 * .filter("n__gt", 5)}): a {@code test} node repeating the expression, since WHERE cannot name a
 * select-list alias. Lookups eq, ne, gt, gte, lt, lte and isnull; under negation two-valued
 * (a NULL annotation is kept by {@code exclude}, as Django does for nullable columns).
 */
final class NamedFilter {

    static final List<String> LOOKUPS = List.of("exact", "eq", "ne", "gt", "gte", "lt", "lte", "isnull");

    private NamedFilter() {
    }

    static FilterNode of(QueryCore core, QueryCore.Named n, String path, Object value, boolean negated) {
        if (WindowExprs.holdsWindow(n.expr())) {
            WindowExprs.refuseFilter(core, n.alias(), path);
        }
        String rest = path.length() == n.alias().length() ? "" : path.substring(n.alias().length() + 2);
        if (!rest.isEmpty() && !LOOKUPS.contains(rest)) {
            throw new FieldException(core.model(), path, "an annotation takes the lookups " + LOOKUPS, LOOKUPS);
        }
        Lookup lookup = rest.isEmpty() || rest.equals("exact") ? Lookup.EQ : Lookup.fromWireName(rest);
        if (lookup == Lookup.ISNULL) {
            if (!(value instanceof Boolean b)) {
                throw new FieldException(core.model(), path, "isnull takes true or false, got " + value, List.of());
            }
            return new FilterNode.Test(n.expr(), Lookup.ISNULL, new Expr.Literal(b ? Value.Bool.TRUE : Value.Bool.FALSE),
                    false);
        }
        if (value == null) {
            if (lookup == Lookup.EQ || lookup == Lookup.NE) {
                return new FilterNode.Test(n.expr(), Lookup.ISNULL,
                        new Expr.Literal(lookup == Lookup.EQ ? Value.Bool.TRUE : Value.Bool.FALSE), false);
            }
            throw new FieldException(core.model(), path, "a comparison with null is never true; use isnull", List.of());
        }
        if (value instanceof F || value instanceof io.oxyde.expression.Expression || SubqueryOperand.isQuery(value)) {
            throw new FieldException(core.model(), path, "an annotation is compared with a value", List.of());
        }
        Value v = Value.of(value);
        boolean numeric = n.kind() == ValueKind.DECIMAL || v.kind() == ValueKind.DECIMAL;
        FilterNode test = new FilterNode.Test(n.expr(), lookup, new Expr.Literal(v), numeric);
        if (!negated || lookup == Lookup.NE) {
            return test;
        }
        List<FilterNode> all = new ArrayList<>(List.of(test,
                new FilterNode.Test(n.expr(), Lookup.ISNULL, new Expr.Literal(Value.Bool.FALSE), false)));
        return new FilterNode.And(all);
    }
}
