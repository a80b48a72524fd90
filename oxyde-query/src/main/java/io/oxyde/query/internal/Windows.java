package io.oxyde.query.internal;

import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Direction;
import io.oxyde.codec.Expr;
import io.oxyde.codec.OrderBy;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.RenderException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.WindowSpecification;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Window functions ({@link Expr.Window}, revision 1.3) through jOOQ's window API: {@code
 * f(...) OVER (PARTITION BY … ORDER BY …)} with the default frame (RANGE UNBOUNDED PRECEDING to
 * the current row once ordered, so a running sum counts ties together). The three dialects
 * render the same SQL; SQLite orders times and decimals by their normalized form, as a select's
 * ORDER BY does, and sums decimals (text there) as numbers.
 */
final class Windows {

    private Windows() {
    }

    static Field<Object> build(Expr.Window w, BiFunction<ColumnRef, String, Field<Object>> columns, Scope scope, Binder b,
                               String at) {
        String where = at + " " + w.function().wireName() + " window";
        List<Field<Object>> args = new ArrayList<>(w.args().size());
        for (int i = 0; i < w.args().size(); i++) {
            args.add(Expressions.build(w.args().get(i), columns, scope, b, where + ".args[" + i + "]"));
        }
        List<Field<?>> partitions = new ArrayList<>(w.partitionBy().size());
        for (int i = 0; i < w.partitionBy().size(); i++) {
            partitions.add(Expressions.build(w.partitionBy().get(i), columns, scope, b, where + ".partition_by[" + i + "]"));
        }
        List<OrderField<?>> order = new ArrayList<>(w.orderBy().size());
        for (int i = 0; i < w.orderBy().size(); i++) {
            OrderBy o = w.orderBy().get(i);
            String term = where + ".order_by[" + i + "]";
            if (o.direction() == Direction.RANDOM) {
                throw new RenderException(term + ": a window is ordered asc or desc, not random");
            }
            Field<?> f = o.expr() != null ? Expressions.build(o.expr(), columns, scope, b, term) : columns.apply(o.column(), term);
            if (b.dialect() == Dialect.SQLITE && o.kind() != null) {
                f = SqliteTimes.orderable(DSL.field("{0}", Object.class, f), o.kind());
            }
            order.add(o.direction() == Direction.DESC ? f.desc() : f.asc());
        }
        // an empty window renders as OVER (); an ordered one without partitions as OVER (ORDER BY …)
        WindowSpecification spec = partitions.isEmpty()
                ? (order.isEmpty() ? null : DSL.orderBy(order))
                : order.isEmpty() ? DSL.partitionBy(partitions) : DSL.partitionBy(partitions).orderBy(order);
        int offset = w.offset() == null ? 1 : w.offset();
        org.jooq.WindowOverStep<?> f = switch (w.function()) {
            case ROW_NUMBER -> DSL.rowNumber();
            case RANK -> DSL.rank();
            case DENSE_RANK -> DSL.denseRank();
            // the offset is structural: MariaDB takes only a literal there
            case LAG -> DSL.lag(args.get(0), DSL.inline(offset));
            case LEAD -> DSL.lead(args.get(0), DSL.inline(offset));
            case COUNT -> args.isEmpty() ? DSL.count() : DSL.count(args.get(0));
            case SUM -> DSL.sum(number(args.get(0), b.dialect()));
            case AVG -> DSL.avg(number(args.get(0), b.dialect()));
            case MIN -> DSL.min(args.get(0));
            case MAX -> DSL.max(args.get(0));
        };
        Field<?> out = spec == null ? f.over() : f.over(spec);
        return out.coerce(Object.class);
    }

    /** Decimals are text on SQLite: summed as numbers there. */
    private static Field<BigDecimal> number(Field<Object> f, Dialect d) {
        return d == Dialect.SQLITE ? DSL.field("cast({0} as numeric)", SQLDataType.NUMERIC, f) : f.coerce(SQLDataType.NUMERIC);
    }
}
