package io.oxyde;

import io.oxyde.codec.Expr;
import io.oxyde.expression.Aggregation;
import io.oxyde.expression.Expression;
import io.oxyde.expression.Subquery;
import java.util.Objects;

/** Compiles the expression of {@code annotate(alias, expression)} to a named IR expression. */
final class NamedExpressions {

    private NamedExpressions() {
    }

    static QueryCore.Named of(QueryCore core, String alias, Expression expression) {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(expression, "expression");
        if (expression instanceof Aggregation a) {
            return Correlated.aggregate(core, alias, a);
        }
        if (expression instanceof Subquery sq) {
            Correlated.Scalar s = Correlated.scalar(core, sq);
            return new QueryCore.Named(alias, new Expr.Subquery(s.query()), s.kind());
        }
        if (expression instanceof io.oxyde.expression.FunctionCall || expression instanceof io.oxyde.expression.Literal
                || expression instanceof io.oxyde.expression.Case || expression instanceof io.oxyde.expression.Window) {
            FunctionExprs.Typed t = FunctionExprs.of(core, expression);
            return new QueryCore.Named(alias, t.expr(), t.kind());
        }
        throw new IllegalArgumentException("annotate(" + alias + ", ...): unsupported expression " + expression);
    }
}
