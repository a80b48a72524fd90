package io.oxyde.query.internal;

import io.oxyde.codec.Annotation;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SetOperation;

/** Whether a subquery refers to the query that encloses it ({@link Expr.Outer}). */
final class Correlation {

    private Correlation() {
    }

    /** Whether {@code s} holds an outer reference at its own level (not inside its own subqueries' levels). */
    static boolean refersOut(SelectIr s) {
        if (refersOut(s.filter()) || refersOut(s.having())) {
            return true;
        }
        for (Annotation a : s.annotations()) {
            if (refersOut(a.expr())) {
                return true;
            }
        }
        for (SetOperation op : s.setOperations()) {
            if (refersOut(op.query())) {
                return true;
            }
        }
        return false;
    }

    private static boolean refersOut(FilterNode node) {
        if (node instanceof FilterNode.And and) {
            return and.children().stream().anyMatch(Correlation::refersOut);
        }
        if (node instanceof FilterNode.Or or) {
            return or.children().stream().anyMatch(Correlation::refersOut);
        }
        if (node instanceof FilterNode.Not not) {
            return refersOut(not.child());
        }
        if (node instanceof FilterNode.Compare c) {
            return refersOut(c.expr());
        }
        if (node instanceof FilterNode.Test t) {
            return refersOut(t.left()) || refersOut(t.right());
        }
        return false;
    }

    private static boolean refersOut(Expr e) {
        if (e instanceof Expr.Outer) {
            return true;
        }
        if (e instanceof Expr.Binary b) {
            return refersOut(b.left()) || refersOut(b.right());
        }
        if (e instanceof Expr.Negate n) {
            return refersOut(n.operand());
        }
        if (e instanceof Expr.Call call) {
            return call.args().stream().anyMatch(Correlation::refersOut);
        }
        if (e instanceof Expr.Window w) {
            return w.args().stream().anyMatch(Correlation::refersOut)
                    || w.partitionBy().stream().anyMatch(Correlation::refersOut)
                    || w.orderBy().stream().anyMatch(o -> o.expr() != null && refersOut(o.expr()));
        }
        if (e instanceof Expr.Case c) {
            return c.whens().stream().anyMatch(w -> refersOut(w.condition()) || refersOut(w.value()))
                    || c.otherwise() != null && refersOut(c.otherwise());
        }
        return false;
    }
}
