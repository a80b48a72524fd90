package io.oxyde;

import io.oxyde.codec.Expr;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.ScalarFunction;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.exception.FieldException;
import io.oxyde.expression.Aggregation;
import io.oxyde.expression.FunctionCall;
import io.oxyde.expression.Literal;
import io.oxyde.expression.Subquery;
import io.oxyde.internal.ir.Lookups;
import io.oxyde.internal.ir.Paths;
import io.oxyde.internal.ir.Resolved;
import io.oxyde.meta.FieldMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a {@link FunctionCall} to an {@link Expr.Call} with the kind of value it yields: a
 * {@code String} argument is a field path (in a query it may cross foreign keys, joined LEFT; in
 * an update it names a field of the updated model), a {@link Literal} or another object is a
 * bound value, nested calls, {@link Subquery}s and {@link F}s compile in place.
 */
final class FunctionExprs {

    record Typed(Expr expr, ValueKind kind) {
    }

    private FunctionExprs() {
    }

    /** In a query of {@code core} (annotate). */
    static Typed of(QueryCore core, Object arg) {
        return compile(core, arg, false);
    }

    /** In an update of {@code core}'s model: fields are the model's own. */
    static Expr ofUpdate(QueryCore core, Object expression) {
        return compile(core, expression, true).expr();
    }

    private static Typed compile(QueryCore core, Object arg, boolean update) {
        if (arg instanceof io.oxyde.metamodel.Attribute<?, ?> attribute) { // a metamodel field names its path
            if (attribute.model() != core.model()) {
                throw new FieldException(core.model(), attribute.path(), "a field of " + attribute.model().getSimpleName()
                        + " (" + attribute + ") used in an expression of a " + core.model().getSimpleName() + " query",
                        List.of());
            }
            return compile(core, attribute.path(), update);
        }
        if (arg instanceof String path) {
            if (update) {
                FieldMeta f = core.meta.field(path).orElseThrow(() -> new FieldException(core.model(), path,
                        "unknown field in an update expression (a field of the updated model)", Paths.fieldNames(core.meta)));
                return new Typed(new Expr.Column(io.oxyde.internal.model.CompositeForeignKeys.single(core.model(), f, path)
                        .column()), Lookups.valueKind(f));
            }
            Resolved r = Paths.resolve(core.meta, path, false);
            core.addJoins(r.joins(), JoinKind.LEFT);
            return new Typed(new Expr.Column(r.alias(), r.column().column()), Lookups.valueKind(r.field()));
        }
        if (arg instanceof FunctionCall call) {
            List<Typed> args = new ArrayList<>();
            for (Object a : call.args()) {
                args.add(compile(core, a, update));
            }
            if (call.function().wireName().startsWith("trunc_") && args.get(0).kind() != ValueKind.DATE_TIME) {
                throw new IllegalArgumentException("Trunc(" + call.args().get(0) + ") needs a date-time (a LocalDateTime"
                        + " field), found " + args.get(0).kind() + ": an instant's truncation depends on a time zone the"
                        + " databases disagree on, and a date's year, month and day are Extract's");
            }
            List<Expr> exprs = args.stream().map(Typed::expr).toList();
            return new Typed(new Expr.Call(call.function(), exprs), kind(call.function(), args));
        }
        if (arg instanceof io.oxyde.expression.Case c) {
            List<Expr.When> whens = new ArrayList<>();
            ValueKind kind = ValueKind.NULL;
            for (int i = 0; i < c.conditions().size(); i++) {
                io.oxyde.codec.FilterNode condition = core.compile(c.conditions().get(i));
                Typed v = compile(core, c.values().get(i), update);
                kind = kind == ValueKind.NULL ? v.kind() : kind;
                whens.add(new Expr.When(condition, v.expr()));
            }
            Expr otherwise = null;
            if (c.otherwise() != null) {
                Typed o = compile(core, c.otherwise(), update);
                kind = kind == ValueKind.NULL ? o.kind() : kind;
                otherwise = o.expr();
            }
            return new Typed(new Expr.Case(whens, otherwise), kind);
        }
        if (arg instanceof io.oxyde.expression.Window w) {
            if (update) {
                throw new IllegalArgumentException("a window function (" + w + ") cannot be an update value; annotate"
                        + " it on a query, read the rows and update them");
            }
            return WindowExprs.of(core, w);
        }
        if (arg instanceof Literal l) {
            Value v = l.value() == null ? Value.nullValue() : Value.of(l.value());
            return new Typed(new Expr.Literal(v), v.kind());
        }
        if (arg instanceof Subquery sq) {
            Correlated.Scalar s = Correlated.scalar(core, sq);
            return new Typed(new Expr.Subquery(s.query()), s.kind());
        }
        if (arg instanceof F f) {
            if (update) {
                return new Typed(core.expr(f), ValueKind.DECIMAL);
            }
            Expr e = f.toExpr(p -> {
                Resolved r = Paths.resolve(core.meta, p, false);
                core.addJoins(r.joins(), JoinKind.LEFT);
                return new Expr.Column(r.alias(), r.column().column());
            });
            return new Typed(e, ValueKind.DECIMAL);
        }
        if (arg instanceof Aggregation a) {
            throw new IllegalArgumentException("an aggregate (" + a.function().wireName() + ") cannot be a function"
                    + " argument; annotate it under its own alias");
        }
        Value v = Value.of(arg);
        return new Typed(new Expr.Literal(v), v.kind());
    }

    private static ValueKind kind(ScalarFunction f, List<Typed> args) {
        return switch (f) {
            case LOWER, UPPER, TRIM, SUBSTR, CONCAT, CAST_TEXT, JSON_TEXT -> ValueKind.TEXT;
            case LENGTH, EXTRACT_YEAR, EXTRACT_MONTH, EXTRACT_DAY, EXTRACT_HOUR, EXTRACT_WEEK_DAY, CAST_INTEGER ->
                    ValueKind.INT;
            case CAST_FLOAT -> ValueKind.FLOAT;
            case CAST_DECIMAL, JSON_NUMBER -> ValueKind.DECIMAL;
            case TRUNC_YEAR, TRUNC_MONTH, TRUNC_DAY, TRUNC_HOUR, TRUNC_MINUTE -> ValueKind.DATE_TIME;
            case JSON_BOOL, JSON_HAS, JSON_CONTAINS -> ValueKind.BOOL;
            case NOW -> ValueKind.TIMESTAMP;
            case COALESCE -> args.stream().map(Typed::kind).filter(k -> k != ValueKind.NULL).findFirst()
                    .orElse(ValueKind.NULL);
            default -> args.get(0).kind(); // ROUND, ABS
        };
    }
}
