package io.oxyde.internal.ir;

import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A condition across a to-many relation (reverse foreign key, many-to-many) in subquery form,
 * for negated contexts ({@code exclude}, {@code Q.not}): Django's rule that excluding
 * {@code albums__title__contains="Live"} drops the artists that <em>have</em> such an album,
 * which a negated join condition cannot say (it keeps an artist for each other album). The
 * leaf becomes {@code parent.key IN (SELECT child.fk FROM child … WHERE cond AND child.fk IS NOT
 * NULL)}, so the enclosing NOT is a null-safe {@code NOT IN}.
 */
public final class ToManySubquery {

    private ToManySubquery() {
    }

    /** The index of the first to-many hop of a path's joins, or -1 if it has none. */
    public static int firstToMany(List<JoinStep> joins) {
        for (int i = 0; i < joins.size(); i++) {
            if (joins.get(i).fk() == null) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A two-valued node that is true exactly when the join form of {@code condition} would
     * match a row: some related row satisfies it, or, for conditions true on a missing row
     * ({@code isnull=true}, {@code ne}), there is no related row at all.
     *
     * @param joins the path's joins; the outer query keeps those before {@code k}
     * @param k the index of the first to-many hop
     * @param condition the leaf on the path's column ({@code condition} or {@code in_select}), as
     *     the join form would render it
     */
    public static FilterNode positive(List<JoinStep> joins, int k, FilterNode condition) {
        JoinStep hop = joins.get(k);
        ColumnRef outer = new ColumnRef(hop.parentAlias(), hop.leftColumn());
        FilterNode backIsSet = new FilterNode.Condition(ColumnRef.of(hop.rightColumn()), Lookup.ISNULL, Value.Bool.FALSE);
        FilterNode moved = relocate(condition, hop.alias());
        List<JoinStep> inner = new ArrayList<>();
        for (JoinStep s : joins.subList(k + 1, joins.size())) {
            String parent = hop.alias().equals(s.parentAlias()) ? null : s.parentAlias();
            inner.add(s.under(parent));
        }
        FilterNode matching = holds(hop, outer, inner, new FilterNode.And(List.of(moved, backIsSet)));
        boolean outerMayBeMissing = outer.source() != null;
        // a condition that some row of the relation must hold (not one true on a missing row, as isnull=true)
        if (!JoinPromotion.required(condition).isEmpty()) {
            return outerMayBeMissing ? new FilterNode.And(List.of(matching, isNull(outer, false))) : matching;
        }
        FilterNode none = new FilterNode.Not(holds(hop, outer, List.of(), backIsSet));
        List<FilterNode> any = new ArrayList<>(List.of(none, matching));
        if (outerMayBeMissing) {
            any.add(isNull(outer, true));
        }
        return new FilterNode.Or(any);
    }

    /**
     * Whether the parent has a related row matching {@code where}: {@code outer IN (SELECT …)},
     * or, along a foreign key of several columns (to a composite key), {@code EXISTS (SELECT …
     * WHERE … AND child.c1 = parent.k1 AND child.c2 = parent.k2)}.
     */
    private static FilterNode holds(JoinStep hop, ColumnRef outer, List<JoinStep> inner, FilterNode where) {
        if (!hop.composite()) {
            return new FilterNode.InSelect(outer, select(hop, inner, where));
        }
        List<FilterNode> all = new ArrayList<>(List.of(where));
        for (io.oxyde.codec.JoinPair pair : hop.toJoin(JoinKind.INNER, List.of()).pairs()) {
            all.add(new FilterNode.Compare(ColumnRef.of(pair.rightColumn()), Lookup.EQ,
                    new io.oxyde.codec.Expr.Outer(pair.left().source(), pair.left().column()), false));
        }
        return new FilterNode.Exists(select(hop, inner, new FilterNode.And(all)));
    }

    private static FilterNode isNull(ColumnRef column, boolean isNull) {
        return new FilterNode.Condition(column, Lookup.ISNULL, isNull ? Value.Bool.TRUE : Value.Bool.FALSE);
    }

    /**
     * The leaf with each column of the hop's alias made a column of the subquery's main table (a
     * condition, an in_select, or the AND / OR / NOT of conditions a foreign key to a composite key makes).
     */
    private static FilterNode relocate(FilterNode leaf, String alias) {
        if (leaf instanceof FilterNode.InSelect in) {
            return new FilterNode.InSelect(relocate(in.field(), alias), in.query());
        }
        if (leaf instanceof FilterNode.And and) {
            return new FilterNode.And(and.children().stream().map(child -> relocate(child, alias)).toList());
        }
        if (leaf instanceof FilterNode.Or or) {
            return new FilterNode.Or(or.children().stream().map(child -> relocate(child, alias)).toList());
        }
        if (leaf instanceof FilterNode.Not not) {
            return new FilterNode.Not(relocate(not.child(), alias));
        }
        FilterNode.Condition c = (FilterNode.Condition) leaf;
        return new FilterNode.Condition(relocate(c.field(), alias), c.lookup(), c.value());
    }

    private static ColumnRef relocate(ColumnRef ref, String alias) {
        return alias.equals(ref.source()) ? ColumnRef.of(ref.column()) : ref;
    }

    private static SelectIr select(JoinStep hop, List<JoinStep> inner, FilterNode where) {
        SelectIr.Builder b = SelectIr.from(hop.target().tableName())
                .model(hop.target().modelClass().getSimpleName())
                .column(ColumnRef.of(hop.rightColumn()));
        Set<String> required = JoinPromotion.innerAliases(where, inner);
        for (JoinStep s : inner) {
            b.join(s.toJoin(required.contains(s.alias()) ? JoinKind.INNER : JoinKind.LEFT, List.of()));
        }
        return b.filter(where).build();
    }
}
