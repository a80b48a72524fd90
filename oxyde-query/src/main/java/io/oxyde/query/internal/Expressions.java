package io.oxyde.query.internal;

import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Expr;
import io.oxyde.exception.RenderException;
import java.math.BigDecimal;
import java.util.function.BiFunction;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Translates an {@link Expr} (a bound literal, a column, arithmetic over them) into a jOOQ
 * field: the right-hand side of an UPDATE assignment or of a filter's {@code compare}.
 */
final class Expressions {

    private Expressions() {
    }

    /**
     * @param columns resolves a column (its {@code source} a join alias or {@code null}) to its
     *     quoted field, failing with a message naming the place
     */
    static Field<Object> build(Expr e, BiFunction<ColumnRef, String, Field<Object>> columns, Binder b, String at) {
        return build(e, columns, null, b, at);
    }

    /**
     * @param scope the statement's scope, for outer references and subqueries (their relations
     *     are named apart from it); {@code null} where the expression has neither
     */
    @SuppressWarnings("unchecked")
    static Field<Object> build(Expr e, BiFunction<ColumnRef, String, Field<Object>> columns, Scope scope, Binder b,
                               String at) {
        if (e instanceof Expr.Outer o) {
            if (scope == null) {
                throw new RenderException(at + ": outer column reference " + o.name() + " outside a subquery");
            }
            return scope.outerColumn(new ColumnRef(o.source(), o.name()), at);
        }
        if (e instanceof Expr.Subquery sq) {
            String desc = "subquery on " + sq.query().table() + " in " + at;
            var sub = scope == null ? SelectCompiler.subquery(sq.query(), b, desc)
                    : SelectCompiler.correlated(sq.query(), b, desc, scope);
            return (Field<Object>) (Field<?>) DSL.field(sub);
        }
        if (e instanceof Expr.Case c) {
            org.jooq.CaseConditionStep<Object> step = null;
            for (int i = 0; i < c.whens().size(); i++) {
                Expr.When w = c.whens().get(i);
                String where = at + " case.whens[" + i + "]";
                org.jooq.Condition cond = new Conditions(b, columns, where).in(scope).build(w.condition());
                Field<Object> value = build(w.value(), columns, scope, b, where + ".then");
                step = step == null ? DSL.when(cond, value) : step.when(cond, value);
            }
            return c.otherwise() == null ? step.otherwise(DSL.inline((Object) null))
                    : step.otherwise(build(c.otherwise(), columns, scope, b, at + " case.else"));
        }
        if (e instanceof Expr.Window w) {
            return Windows.build(w, columns, scope, b, at);
        }
        if (e instanceof Expr.Call call) {
            java.util.List<Field<Object>> args = new java.util.ArrayList<>(call.args().size());
            for (int i = 0; i < call.args().size(); i++) {
                args.add(build(call.args().get(i), columns, scope, b, at + " " + call.function().wireName() + "[" + i + "]"));
            }
            return Functions.build(call, args, b.dialect(), at);
        }
        if (e instanceof Expr.Literal l) {
            return b.bindValue(l.value(), at);
        }
        if (e instanceof Expr.Column c) {
            return columns.apply(new ColumnRef(c.source(), c.name()), at);
        }
        if (e instanceof Expr.Negate n) {
            return build(n.operand(), columns, scope, b, at).coerce(SQLDataType.NUMERIC).neg().coerce(Object.class);
        }
        Expr.Binary bin = (Expr.Binary) e;
        Field<BigDecimal> left = build(bin.left(), columns, scope, b, at).coerce(SQLDataType.NUMERIC);
        Field<BigDecimal> right = build(bin.right(), columns, scope, b, at).coerce(SQLDataType.NUMERIC);
        Field<BigDecimal> out;
        switch (bin.operator()) {
            case ADD -> out = left.add(right);
            case SUB -> out = left.sub(right);
            case MUL -> out = left.mul(right);
            case DIV -> out = left.div(right);
            default -> throw new RenderException(at + ": unknown operator " + bin.operator());
        }
        return out.coerce(Object.class);
    }
}
