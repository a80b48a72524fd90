package io.oxyde.internal.ir;

import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which joins a WHERE tree needs a row from: a join may be INNER only when the filter cannot be
 * true for a row whose joined row is missing (all its columns NULL); every other join is LEFT,
 * so that {@code isnull=true}, {@code ne}, an {@code or} with a branch that does not use the
 * join, and negations keep the rows Django keeps.
 *
 * <p>Three-valued logic, per node: the aliases that must be present for it to be TRUE, and for it
 * to be FALSE ({@code NOT x} is true exactly when {@code x} is false). A comparison with a
 * missing row's NULL is NULL, so a condition needs its alias in both cases, except {@code IS
 * NULL} forms (true on a missing row) and {@code IS NOT NULL} forms (false on one).
 */
public final class JoinPromotion {

    private JoinPromotion() {
    }

    /** The join aliases named by conditions that must hold a row for {@code where} to be true. */
    public static Set<String> required(FilterNode where) {
        return where == null ? Set.of() : whenTrue(where);
    }

    /**
     * The aliases among {@code joins} to join INNER under {@code where}: those it requires and
     * every join on the way to them.
     */
    public static Set<String> innerAliases(FilterNode where, Collection<JoinStep> joins) {
        Set<String> required = required(where);
        if (required.isEmpty()) {
            return required;
        }
        Map<String, JoinStep> byAlias = new HashMap<>();
        joins.forEach(j -> byAlias.put(j.alias(), j));
        Set<String> out = new HashSet<>();
        for (String alias : required) {
            JoinStep j = byAlias.get(alias);
            while (j != null && out.add(j.alias())) {
                j = byAlias.get(j.parentAlias());
            }
        }
        return out;
    }

    private static Set<String> whenTrue(FilterNode node) {
        if (node instanceof FilterNode.Condition c) {
            return isNullForm(c) ? Set.of() : source(c.field().source());
        }
        if (node instanceof FilterNode.InSelect in) {
            return source(in.field().source());
        }
        if (node instanceof FilterNode.Compare c) {
            return c.lookup() == Lookup.NE ? Set.of() : sources(c);
        }
        if (node instanceof FilterNode.Exists || node instanceof FilterNode.Test) {
            return Set.of(); // conservative: their joins stay LEFT
        }
        if (node instanceof FilterNode.And and) {
            return union(and.children(), true);
        }
        if (node instanceof FilterNode.Or or) {
            return intersection(or.children(), true);
        }
        return whenFalse(((FilterNode.Not) node).child());
    }

    private static Set<String> whenFalse(FilterNode node) {
        if (node instanceof FilterNode.Condition c) {
            return isNotNullForm(c) || alwaysFalse(c) ? Set.of() : source(c.field().source());
        }
        if (node instanceof FilterNode.InSelect in) {
            return source(in.field().source());
        }
        if (node instanceof FilterNode.Compare c) {
            return sources(c);
        }
        if (node instanceof FilterNode.Exists || node instanceof FilterNode.Test) {
            return Set.of();
        }
        if (node instanceof FilterNode.And and) {
            return intersection(and.children(), false);
        }
        if (node instanceof FilterNode.Or or) {
            return union(or.children(), false);
        }
        return whenTrue(((FilterNode.Not) node).child());
    }

    private static Set<String> union(List<FilterNode> children, boolean whenTrue) {
        Set<String> out = new HashSet<>();
        for (FilterNode c : children) {
            out.addAll(whenTrue ? whenTrue(c) : whenFalse(c));
        }
        return out;
    }

    private static Set<String> intersection(List<FilterNode> children, boolean whenTrue) {
        Set<String> out = null;
        for (FilterNode c : children) {
            Set<String> s = whenTrue ? whenTrue(c) : whenFalse(c);
            if (out == null) {
                out = new HashSet<>(s);
            } else {
                out.retainAll(s);
            }
        }
        return out == null ? Set.of() : out;
    }

    /** The aliases of a compare's column and of every column of its expression. */
    private static Set<String> sources(FilterNode.Compare c) {
        Set<String> out = new HashSet<>(source(c.field().source()));
        addSources(c.expr(), out);
        return out;
    }

    private static void addSources(Expr e, Set<String> out) {
        if (e instanceof Expr.Column col && col.source() != null) {
            out.add(col.source());
        } else if (e instanceof Expr.Binary b) {
            addSources(b.left(), out);
            addSources(b.right(), out);
        } else if (e instanceof Expr.Negate n) {
            addSources(n.operand(), out);
        }
    }

    private static Set<String> source(String alias) {
        return alias == null ? Set.of() : Set.of(alias);
    }

    /** Conditions rendered as {@code IS NULL} or {@code IS DISTINCT FROM}: true on a missing row. */
    static boolean isNullForm(FilterNode.Condition c) {
        Value v = c.value();
        boolean nul = v.kind() == ValueKind.NULL;
        return switch (c.lookup()) {
            case ISNULL -> v.equals(Value.Bool.TRUE);
            case EQ, IEXACT -> nul;
            case NE -> !nul;
            default -> false;
        };
    }

    /** Conditions rendered as {@code IS NOT NULL}: false on a missing row. */
    private static boolean isNotNullForm(FilterNode.Condition c) {
        return c.lookup() == Lookup.ISNULL && c.value().equals(Value.Bool.FALSE)
                || c.lookup() == Lookup.NE && c.value().kind() == ValueKind.NULL;
    }

    /** {@code in} with no (non-NULL) element: rendered as FALSE whatever the row. */
    private static boolean alwaysFalse(FilterNode.Condition c) {
        if (c.lookup() != Lookup.IN || !(c.value() instanceof Value.Array a)) {
            return false;
        }
        return a.elements().stream().allMatch(e -> e.kind() == ValueKind.NULL);
    }
}
