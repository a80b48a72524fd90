package io.oxyde.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Splits a query into its shape and its values, and joins them again.
 *
 * <p>The <em>template</em> of a query is the same IR with every scalar {@link Value} replaced by
 * a {@link Value.Param} carrying its slot index and kind; {@link Value.Array}s stay structural
 * (an IN list of three values and one of four are different shapes, because their SQL differs).
 * Templates are ordinary records, so they compare and hash by content: two queries that differ
 * only in their values have equal templates, which is what lets the renderer cache SQL per
 * shape and the wire format send the shape apart from the values.
 *
 * <p>Slots are numbered depth-first in record-component order (a subquery's slots where its
 * {@code in_select} node stands in the filter): for a select its filter, then
 * having, then each set operation's query; for an insert row by row; for an update the
 * assignments, then the filter; for a bulk update each row's key then its values; for a delete
 * its filter; for raw SQL its parameters in order. The wire format writes values in this order.
 */
public final class IrTemplate {

    private IrTemplate() {
    }

    /**
     * A template and the values that fill its slots.
     *
     * @param template the query with every scalar value replaced by a {@link Value.Param}
     * @param values the values, {@code values.get(i)} filling slot {@code i}
     */
    public record Parameterized(QueryIr template, List<Value> values) {
        public Parameterized {
            values = List.copyOf(values);
        }
    }

    /** Splits {@code ir} into its template and its values. */
    public static Parameterized parameterize(QueryIr ir) {
        List<Value> values = new ArrayList<>();
        QueryIr template = map(ir, value -> {
            Value.Param param = new Value.Param(values.size(), value.kind());
            values.add(value);
            return param;
        });
        return new Parameterized(template, values);
    }

    /**
     * Fills a template's slots with {@code values}.
     *
     * @throws IllegalArgumentException if a value's kind differs from its slot's kind or the
     *     number of values does not match the number of slots
     */
    public static QueryIr bind(QueryIr template, List<Value> values) {
        int[] used = {0};
        QueryIr bound = map(template, value -> {
            if (!(value instanceof Value.Param param)) {
                throw new IllegalArgumentException("not a template: found a literal " + value);
            }
            if (param.index() >= values.size()) {
                throw new IllegalArgumentException("slot " + param.index() + " has no value ("
                        + values.size() + " given)");
            }
            Value v = values.get(param.index());
            if (v.kind() != param.kind()) {
                throw new IllegalArgumentException("slot " + param.index() + " expects "
                        + param.kind() + " but got " + v.kind());
            }
            used[0]++;
            return v;
        });
        if (used[0] != values.size()) {
            throw new IllegalArgumentException("template has " + used[0] + " slots but "
                    + values.size() + " values were given");
        }
        return bound;
    }

    /**
     * The kind each slot of a template declares, by slot index: what a receiver holds the values
     * of every later message of the same shape to.
     *
     * @throws IllegalArgumentException if {@code template} holds a literal instead of a slot
     */
    public static ValueKind[] slotKinds(QueryIr template) {
        List<ValueKind> kinds = new ArrayList<>();
        map(template, value -> {
            if (!(value instanceof Value.Param param)) {
                throw new IllegalArgumentException("not a template: found a literal " + value);
            }
            while (kinds.size() <= param.index()) {
                kinds.add(null);
            }
            kinds.set(param.index(), param.kind());
            return value;
        });
        return kinds.toArray(new ValueKind[0]);
    }

    /** Counts the scalar values (slots) of a query or template. */
    public static int slotCount(QueryIr ir) {
        int[] count = {0};
        map(ir, value -> {
            count[0]++;
            return value;
        });
        return count[0];
    }

    /** Rebuilds {@code ir} with every scalar value passed through {@code f}, in slot order. */
    static QueryIr map(QueryIr ir, UnaryOperator<Value> f) {
        if (ir instanceof SelectIr s) {
            return mapSelect(s, f);
        }
        if (ir instanceof InsertIr i) {
            List<List<Value>> rows = new ArrayList<>(i.rows().size());
            for (List<Value> row : i.rows()) {
                rows.add(mapValues(row, f));
            }
            return new InsertIr(i.model(), i.table(), i.columns(), rows, i.returning(), i.onConflict());
        }
        if (ir instanceof UpdateIr u) {
            List<Assignment> assignments = new ArrayList<>(u.assignments().size());
            for (Assignment a : u.assignments()) {
                assignments.add(new Assignment(a.column(), mapExpr(a.value(), f)));
            }
            return new UpdateIr(u.model(), u.table(), assignments, mapFilter(u.filter(), f), u.returning());
        }
        if (ir instanceof BulkUpdateIr b) {
            List<BulkUpdateRow> rows = new ArrayList<>(b.rows().size());
            for (BulkUpdateRow row : b.rows()) {
                Value key = mapValue(row.key(), f);
                rows.add(new BulkUpdateRow(key, mapValues(row.values(), f)));
            }
            return new BulkUpdateIr(b.model(), b.table(), b.keyColumn(), b.columns(), rows);
        }
        if (ir instanceof DeleteIr d) {
            return new DeleteIr(d.model(), d.table(), mapFilter(d.filter(), f), d.returning());
        }
        RawIr r = (RawIr) ir;
        return new RawIr(r.sql(), mapValues(r.params(), f));
    }

    /** Whether an order term is an expression (a loop: this runs for every query's template). */
    private static boolean anyExpression(List<OrderBy> orderBy) {
        for (int i = 0; i < orderBy.size(); i++) {
            if (orderBy.get(i).expr() != null) {
                return true;
            }
        }
        return false;
    }

    private static SelectIr mapSelect(SelectIr s, UnaryOperator<Value> f) {
        FilterNode filter = mapFilter(s.filter(), f);
        List<OrderBy> orderBy = s.orderBy();
        if (anyExpression(orderBy)) {
            orderBy = new ArrayList<>(orderBy.size());
            for (OrderBy o : s.orderBy()) {
                orderBy.add(o.expr() == null ? o : OrderBy.of(mapExpr(o.expr(), f), o.direction()));
            }
        }
        FilterNode having = mapFilter(s.having(), f);
        List<SetOperation> setOperations = s.setOperations().isEmpty() ? List.of()
                : new ArrayList<>(s.setOperations().size());
        for (SetOperation op : s.setOperations()) {
            setOperations.add(new SetOperation(op.operator(), mapSelect(op.query(), f)));
        }
        List<Annotation> annotations = s.annotations().isEmpty() ? List.of() : new ArrayList<>(s.annotations().size());
        for (Annotation a : s.annotations()) {
            annotations.add(new Annotation(a.alias(), mapExpr(a.expr(), f)));
        }
        return new SelectIr(s.model(), s.table(), s.columns(), s.distinct(), filter, s.joins(),
                orderBy, s.limit(), s.offset(), s.aggregates(), s.groupBy(), having, s.lock(),
                setOperations, s.mode(), annotations, s.distinctOn(), s.lockOf());
    }

    private static FilterNode mapFilter(FilterNode node, UnaryOperator<Value> f) {
        if (node == null) {
            return null;
        }
        if (node instanceof FilterNode.Condition c) {
            return new FilterNode.Condition(c.field(), c.lookup(), mapValue(c.value(), f));
        }
        if (node instanceof FilterNode.And and) {
            return new FilterNode.And(mapFilters(and.children(), f));
        }
        if (node instanceof FilterNode.Or or) {
            return new FilterNode.Or(mapFilters(or.children(), f));
        }
        if (node instanceof FilterNode.Compare c) {
            return new FilterNode.Compare(c.field(), c.lookup(), mapExpr(c.expr(), f), c.numeric());
        }
        if (node instanceof FilterNode.InSelect in) {
            return new FilterNode.InSelect(in.field(), mapSelect(in.query(), f));
        }
        if (node instanceof FilterNode.Exists e) {
            return new FilterNode.Exists(mapSelect(e.query(), f));
        }
        if (node instanceof FilterNode.Test t) {
            Expr left = mapExpr(t.left(), f);
            return new FilterNode.Test(left, t.lookup(), mapExpr(t.right(), f), t.numeric());
        }
        return new FilterNode.Not(mapFilter(((FilterNode.Not) node).child(), f));
    }

    private static List<FilterNode> mapFilters(List<FilterNode> nodes, UnaryOperator<Value> f) {
        List<FilterNode> out = new ArrayList<>(nodes.size());
        for (FilterNode n : nodes) {
            out.add(mapFilter(n, f));
        }
        return out;
    }

    private static Expr mapExpr(Expr expr, UnaryOperator<Value> f) {
        if (expr instanceof Expr.Literal l) {
            return new Expr.Literal(mapValue(l.value(), f));
        }
        if (expr instanceof Expr.Binary b) {
            Expr left = mapExpr(b.left(), f);
            return new Expr.Binary(b.operator(), left, mapExpr(b.right(), f));
        }
        if (expr instanceof Expr.Negate n) {
            return new Expr.Negate(mapExpr(n.operand(), f));
        }
        if (expr instanceof Expr.Subquery sq) {
            return new Expr.Subquery(mapSelect(sq.query(), f));
        }
        if (expr instanceof Expr.Case c) {
            List<Expr.When> whens = new ArrayList<>(c.whens().size());
            for (Expr.When w : c.whens()) {
                FilterNode condition = mapFilter(w.condition(), f);
                whens.add(new Expr.When(condition, mapExpr(w.value(), f)));
            }
            return new Expr.Case(whens, c.otherwise() == null ? null : mapExpr(c.otherwise(), f));
        }
        if (expr instanceof Expr.Window w) {
            List<Expr> args = new ArrayList<>(w.args().size());
            for (Expr a : w.args()) {
                args.add(mapExpr(a, f));
            }
            List<Expr> partitions = new ArrayList<>(w.partitionBy().size());
            for (Expr p : w.partitionBy()) {
                partitions.add(mapExpr(p, f));
            }
            List<OrderBy> order = new ArrayList<>(w.orderBy().size());
            for (OrderBy o : w.orderBy()) {
                order.add(o.expr() == null ? o : new OrderBy(null, o.direction(), o.kind(), mapExpr(o.expr(), f)));
            }
            return new Expr.Window(w.function(), args, w.offset(), partitions, order);
        }
        if (expr instanceof Expr.Call call) {
            List<Expr> args = new ArrayList<>(call.args().size());
            for (Expr a : call.args()) {
                args.add(mapExpr(a, f));
            }
            return new Expr.Call(call.function(), args);
        }
        return expr;
    }

    private static List<Value> mapValues(List<Value> values, UnaryOperator<Value> f) {
        List<Value> out = new ArrayList<>(values.size());
        for (Value v : values) {
            out.add(mapValue(v, f));
        }
        return out;
    }

    private static Value mapValue(Value value, UnaryOperator<Value> f) {
        if (value instanceof Value.Array array) {
            return new Value.Array(mapValues(array.elements(), f));
        }
        return f.apply(value);
    }
}
