package io.oxyde;

import io.oxyde.codec.Direction;
import io.oxyde.codec.Expr;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.ValueKind;
import io.oxyde.codec.WindowFunction;
import io.oxyde.exception.FieldException;
import io.oxyde.expression.Window;
import io.oxyde.internal.ir.Paths;
import io.oxyde.internal.ir.Resolved;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a {@link Window} to an {@link Expr.Window} (protocol revision 1.3): the argument and
 * partitions as function arguments (a path joined LEFT), the order terms as a query's (with the
 * kind SQLite needs to order times and decimals).
 */
final class WindowExprs {

    private WindowExprs() {
    }

    static FunctionExprs.Typed of(QueryCore core, Window w) {
        List<Expr> args = new ArrayList<>();
        ValueKind kind = ValueKind.INT;
        if (w.argument() != null) {
            FunctionExprs.Typed a = FunctionExprs.of(core, w.argument());
            refuseNested(core, w, a.expr());
            args.add(a.expr());
            kind = a.kind();
        }
        List<Expr> partitions = new ArrayList<>();
        for (Object p : w.partitions()) {
            Expr e = FunctionExprs.of(core, p).expr();
            refuseNested(core, w, e);
            partitions.add(e);
        }
        List<OrderBy> order = new ArrayList<>();
        for (String spec : w.order()) {
            boolean desc = spec.startsWith("-");
            Resolved r = Paths.resolve(core.meta, desc ? spec.substring(1) : spec, false);
            core.addJoins(r.joins(), JoinKind.LEFT);
            order.add(new OrderBy(r.column(), desc ? Direction.DESC : Direction.ASC, QueryCore.orderKind(r.field())));
        }
        ValueKind out = switch (w.function()) {
            case ROW_NUMBER, RANK, DENSE_RANK, COUNT -> ValueKind.INT;
            case AVG -> ValueKind.DECIMAL;
            default -> kind;
        };
        return new FunctionExprs.Typed(new Expr.Window(w.function(), args, w.function() == WindowFunction.LAG
                || w.function() == WindowFunction.LEAD ? w.offset() : null, partitions, order), out);
    }

    private static void refuseNested(QueryCore core, Window w, Expr e) {
        if (holdsWindow(e)) {
            throw new IllegalArgumentException(core.model().getSimpleName() + " query: " + w + " contains another window"
                    + " function; SQL does not nest windows (annotate the inner one and read both)");
        }
    }

    /** Whether {@code e} is or contains a window function. */
    static boolean holdsWindow(Expr e) {
        if (e instanceof Expr.Window) {
            return true;
        }
        if (e instanceof Expr.Call c) {
            return c.args().stream().anyMatch(WindowExprs::holdsWindow);
        }
        if (e instanceof Expr.Case c) {
            return c.whens().stream().anyMatch(x -> holdsWindow(x.value()))
                    || c.otherwise() != null && holdsWindow(c.otherwise());
        }
        if (e instanceof Expr.Binary b) {
            return holdsWindow(b.left()) || holdsWindow(b.right());
        }
        return e instanceof Expr.Negate n && holdsWindow(n.operand());
    }

    /** Refuses a filter on a window annotation: SQL computes windows after WHERE. */
    static void refuseFilter(QueryCore core, String alias, String path) {
        throw new FieldException(core.model(), path, "annotation \"" + alias + "\" holds a window function, which SQL"
                + " computes after WHERE, so it cannot be filtered on; filter the rows you read (values(...)), or"
                + " select from the windowed query as a derived table in raw SQL", List.of());
    }
}
