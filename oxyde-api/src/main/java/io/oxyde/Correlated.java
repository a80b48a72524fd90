package io.oxyde;

import io.oxyde.codec.Annotation;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SetOperation;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.exception.FieldException;
import io.oxyde.expression.Exists;
import io.oxyde.expression.OuterRef;
import io.oxyde.expression.Subquery;
import io.oxyde.internal.ir.Lookups;
import io.oxyde.internal.ir.Paths;
import io.oxyde.internal.ir.Resolved;
import io.oxyde.meta.FieldMeta;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Correlated subqueries: {@link OuterRef} inside a query, {@link Exists} and {@link Subquery}
 * around it. An {@code OuterRef} cannot be resolved where it is written (the inner query does
 * not know the outer one yet), so it becomes a pending outer column naming the path; when the
 * subquery is placed in an outer query, {@link #nest} resolves each pending reference of the
 * subquery's own level against the outer model (adding the outer joins it needs) and checks its
 * type against the inner field it is compared with.
 */
final class Correlated {

    /** The source of a pending outer column: this prefix, then the inner side's value kind. */
    private static final String PENDING = "\u0000outer:";
    private static final Set<Lookup> COMPARISONS = EnumSet.of(Lookup.EQ, Lookup.NE, Lookup.GT, Lookup.GTE, Lookup.LT,
            Lookup.LTE);
    private static final List<String> COMPARISON_NAMES = List.of("eq", "ne", "gt", "gte", "lt", "lte");
    private static final Set<ValueKind> NUMBERS = EnumSet.of(ValueKind.INT, ValueKind.FLOAT, ValueKind.DECIMAL);

    private Correlated() {
    }

    /** A filter comparing {@code r}'s column with an outer field (resolved when nested). */
    static FilterNode outerCondition(Resolved r, Lookup lookup, OuterRef ref, boolean negated) {
        checkComparison(r, lookup, "an OuterRef");
        ValueKind kind = Lookups.valueKind(r.field());
        FilterNode node = new FilterNode.Compare(r.column(), lookup, new Expr.Outer(PENDING + kind.name(), ref.field()),
                kind == ValueKind.DECIMAL);
        if (negated && lookup != Lookup.NE && (r.field().nullable() || r.alias() != null)) {
            return new FilterNode.And(List.of(node, new FilterNode.Condition(r.column(), Lookup.ISNULL, Value.Bool.FALSE)));
        }
        return node;
    }

    /** A filter comparing {@code r}'s column with a scalar subquery. */
    static FilterNode subqueryCondition(QueryCore outer, Resolved r, Lookup lookup, Subquery sq, boolean negated) {
        checkComparison(r, lookup, "a Subquery");
        Scalar s = scalar(outer, sq);
        ValueKind want = Lookups.valueKind(r.field());
        if (s.kind() != want && !(NUMBERS.contains(want) && NUMBERS.contains(s.kind()))) {
            throw new FieldException(r.owner().modelClass(), r.field().name(), "a Subquery compared with "
                    + r.field().name() + " must select values of its type: it selects " + s.kind() + ", "
                    + r.field().name() + " is " + want, List.of());
        }
        Expr e = new Expr.Subquery(s.query());
        boolean numeric = want == ValueKind.DECIMAL || s.kind() == ValueKind.DECIMAL;
        FilterNode node = new FilterNode.Compare(r.column(), lookup, e, numeric);
        if (!negated || lookup == Lookup.NE) {
            return node;
        }
        // two-valued under NOT: a NULL column or an empty subquery does not match, so exclude keeps the row
        List<FilterNode> all = new ArrayList<>(List.of(node, new FilterNode.Test(e, Lookup.ISNULL,
                new Expr.Literal(Value.Bool.FALSE), false)));
        if (r.field().nullable() || r.alias() != null) {
            all.add(new FilterNode.Condition(r.column(), Lookup.ISNULL, Value.Bool.FALSE));
        }
        return new FilterNode.And(all);
    }

    private static void checkComparison(Resolved r, Lookup lookup, String what) {
        if (!COMPARISONS.contains(lookup)) {
            throw new FieldException(r.owner().modelClass(), r.field().name(), what + " is compared with eq, ne, gt, gte,"
                    + " lt or lte, not with \"" + lookup.wireName() + "\"", COMPARISON_NAMES);
        }
    }

    /** The EXISTS node of {@code exists} nested in {@code outer}. */
    static FilterNode exists(QueryCore outer, Exists exists) {
        Object q = exists.query();
        QueryCore sub = q instanceof Query<?> query ? query.core().copy() : ((ValuesQuery<?>) q).core().copy();
        sub.eager().clear();
        sub.order().clear();
        return new FilterNode.Exists(nest(outer, sub.toIr()));
    }

    /** A subquery's IR with its kind, resolved in {@code outer}. */
    record Scalar(SelectIr query, ValueKind kind, FieldMeta field) {
    }

    /** The scalar subquery of {@code sq} nested in {@code outer}. */
    static Scalar scalar(QueryCore outer, Subquery sq) {
        QueryCore sub = sq.query().core();
        int selected = sub.values.size() + sub.annotations.size() + sub.named.size();
        if (selected != 1) {
            throw new FieldException(sub.model(), String.valueOf(sub.values.stream().map(QueryCore.ValueColumn::key)
                    .toList()), "a Subquery selects exactly one path (values(\"<one path>\")), "
                    + sub.model().getSimpleName() + " query selects " + selected, List.of("values(\"<one path>\")"));
        }
        ValueKind kind;
        FieldMeta field = null;
        if (!sub.values.isEmpty()) {
            field = sub.values.get(0).field();
            kind = Lookups.valueKind(field);
        } else if (!sub.named.isEmpty()) {
            kind = sub.named.get(0).kind();
        } else {
            QueryCore.Annotation a = sub.annotations.get(0);
            kind = a.field() == null || a.aggregate().function() == io.oxyde.codec.AggregateFunction.COUNT
                    ? ValueKind.INT : Lookups.valueKind(a.field());
        }
        return new Scalar(nest(outer, sub.toIr()), kind, field);
    }

    /**
     * An aggregate over a to-many relation of a model query ({@code annotate("n",
     * Count.of("albums"))}) as a correlated scalar subquery: {@code (SELECT count(album.id) FROM
     * album WHERE album.artist_id = artist.id)}. One subquery per annotation, so two aggregates over
     * different relations do not multiply each other's rows (as joins would), and no GROUP BY
     * over the model's columns is needed; a count over no rows is 0, other aggregates NULL.
     */
    static QueryCore.Named aggregate(QueryCore outer, String alias, io.oxyde.expression.Aggregation a) {
        if (a.field() == null) {
            throw new FieldException(outer.model(), alias, "annotate on a model query aggregates over a to-many relation"
                    + " (Count.of(\"albums\")); Count.all() counts the rows of a values(...) group", List.of());
        }
        Resolved r;
        try {
            r = Paths.resolve(outer.meta, a.field(), false);
        } catch (FieldException e) {
            if (!e.choices().stream().anyMatch(c -> c.endsWith("__isnull"))) {
                throw e;
            }
            // the path names the relation itself (Count.of("albums")): count its rows by their back reference
            r = Paths.resolve(outer.meta, a.field() + "__isnull", true);
        }
        int k = io.oxyde.internal.ir.ToManySubquery.firstToMany(r.joins());
        if (k < 0) {
            throw new FieldException(outer.model(), a.field(), "annotate on a model query aggregates over a to-many"
                    + " relation; \"" + a.field() + "\" has one value per row (group with values(...).annotate(...)"
                    + " instead)", List.of());
        }
        io.oxyde.internal.ir.JoinStep hop = r.joins().get(k);
        outer.addJoins(r.joins().subList(0, k), JoinKind.LEFT);
        SelectIr.Builder b = SelectIr.from(hop.target().tableName()).model(hop.target().modelClass().getSimpleName());
        for (io.oxyde.internal.ir.JoinStep st : r.joins().subList(k + 1, r.joins().size())) {
            String parent = hop.alias().equals(st.parentAlias()) ? null : st.parentAlias();
            b.join(st.under(parent).toJoin(JoinKind.INNER, List.of()));
        }
        ColumnRef column = hop.alias().equals(r.alias()) ? ColumnRef.of(r.column().column()) : r.column();
        b.aggregate(new io.oxyde.codec.Aggregate(a.function(), column, a.distinct(), "agg"));
        // correlated on every column pair (several along a foreign key to a composite key)
        List<FilterNode> correlation = new java.util.ArrayList<>();
        for (io.oxyde.codec.JoinPair pair : hop.toJoin(JoinKind.INNER, List.of()).pairs()) {
            correlation.add(new FilterNode.Compare(ColumnRef.of(pair.rightColumn()), Lookup.EQ,
                    new Expr.Outer(pair.left().source(), pair.left().column()), false));
        }
        b.filter(correlation.size() == 1 ? correlation.get(0) : new FilterNode.And(correlation));
        ValueKind field = Lookups.valueKind(r.field());
        ValueKind kind = switch (a.function()) {
            case COUNT -> ValueKind.INT;
            case AVG -> field == ValueKind.DECIMAL ? ValueKind.DECIMAL : ValueKind.FLOAT;
            default -> field;
        };
        return new QueryCore.Named(alias, new Expr.Subquery(b.build()), kind);
    }

    /** {@code sub} with the pending outer references of its own level resolved against {@code outer}. */
    static SelectIr nest(QueryCore outer, SelectIr sub) {
        SelectIr.Builder b = sub.toBuilder();
        SelectIr base = b.build();
        List<OrderBy> order = new ArrayList<>();
        for (OrderBy o : base.orderBy()) {
            order.add(o.expr() == null ? o : OrderBy.of(expr(outer, o.expr()), o.direction()));
        }
        List<Annotation> annotations = new ArrayList<>();
        for (Annotation a : base.annotations()) {
            annotations.add(new Annotation(a.alias(), expr(outer, a.expr())));
        }
        List<SetOperation> sets = new ArrayList<>();
        for (SetOperation op : base.setOperations()) {
            sets.add(new SetOperation(op.operator(), nest(outer, op.query())));
        }
        return new SelectIr(base.model(), base.table(), base.columns(), base.distinct(), filter(outer, base.filter()),
                base.joins(), order, base.limit(), base.offset(), base.aggregates(), base.groupBy(),
                filter(outer, base.having()), base.lock(), sets, base.mode(), annotations, base.distinctOn(),
                base.lockOf());
    }

    private static FilterNode filter(QueryCore outer, FilterNode node) {
        if (node == null) {
            return null;
        }
        if (node instanceof FilterNode.And and) {
            return new FilterNode.And(and.children().stream().map(c -> filter(outer, c)).toList());
        }
        if (node instanceof FilterNode.Or or) {
            return new FilterNode.Or(or.children().stream().map(c -> filter(outer, c)).toList());
        }
        if (node instanceof FilterNode.Not not) {
            return new FilterNode.Not(filter(outer, not.child()));
        }
        if (node instanceof FilterNode.Compare c) {
            return new FilterNode.Compare(c.field(), c.lookup(), expr(outer, c.expr()), c.numeric());
        }
        if (node instanceof FilterNode.Test t) {
            Expr left = expr(outer, t.left());
            return new FilterNode.Test(left, t.lookup(), expr(outer, t.right()), t.numeric());
        }
        return node;
    }

    private static Expr expr(QueryCore outer, Expr e) {
        if (e instanceof Expr.Outer o && o.source() != null && o.source().startsWith(PENDING)) {
            ValueKind inner = ValueKind.valueOf(o.source().substring(PENDING.length()));
            Resolved r = Paths.resolve(outer.meta, o.name(), false);
            ValueKind kind = Lookups.valueKind(r.field());
            if (kind != inner && !(NUMBERS.contains(kind) && NUMBERS.contains(inner))) {
                throw new FieldException(outer.model(), o.name(), "OuterRef(\"" + o.name() + "\") is " + kind
                        + ", compared with a field of type " + inner, List.of());
            }
            outer.addJoins(r.joins(), JoinKind.LEFT);
            ColumnRef c = r.column();
            return new Expr.Outer(c.source(), c.column());
        }
        if (e instanceof Expr.Binary bin) {
            Expr left = expr(outer, bin.left());
            return new Expr.Binary(bin.operator(), left, expr(outer, bin.right()));
        }
        if (e instanceof Expr.Negate n) {
            return new Expr.Negate(expr(outer, n.operand()));
        }
        return e;
    }
}
