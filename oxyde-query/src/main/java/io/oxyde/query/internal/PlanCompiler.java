package io.oxyde.query.internal;

import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.DeleteIr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SetOperation;
import io.oxyde.codec.UpdateIr;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.RenderException;
import io.oxyde.query.ResultKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Compiles a template (or a literal IR) for one dialect into statements plus a result kind. */
public final class PlanCompiler {
    private static final Pattern READS_ROWS = Pattern.compile(
            // MariaDB's ANALYZE [FORMAT=JSON] SELECT runs the select and returns its plan (PostgreSQL's ANALYZE
            // of a table never precedes a SELECT)
            "^(?:\\s|--[^\\n]*\\n|/\\*.*?\\*/)*(select|with|values|show|explain|pragma|table|describe|desc"
                    + "|analyze\\s+(?:format\\s*=\\s*\\w+\\s+)?(?:select|with))\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RETURNING = Pattern.compile("\\breturning\\b", Pattern.CASE_INSENSITIVE);

    private PlanCompiler() {
    }

    /** The compiled statements of a template and how to execute them. */
    public record Compiled(List<CompiledStatement> statements, ResultKind resultKind, List<String> generatedKeyColumns) {
    }

    /**
     * Compiles {@code ir}; {@code structural} fixes the values of {@code isnull} slots (see
     * {@link #structuralSlots}).
     */
    public static Compiled compile(QueryIr ir, Dialect d, Map<Integer, Boolean> structural) {
        if (ir instanceof SelectIr s) {
            ResultKind kind;
            switch (s.mode()) {
                case COUNT -> kind = ResultKind.COUNT_ROWS;
                case EXISTS -> kind = ResultKind.EXISTS;
                default -> kind = ResultKind.ROWS;
            }
            return new Compiled(List.of(SelectCompiler.compile(s, new Binder(d, structural))), kind, List.of());
        }
        if (ir instanceof InsertIr i) {
            return insert(i, d, structural);
        }
        if (ir instanceof UpdateIr u) {
            return new Compiled(List.of(MutationCompiler.update(u, new Binder(d, structural))),
                    u.returning().isEmpty() ? ResultKind.UPDATE_COUNT : ResultKind.RETURNING_ROWS, u.returning());
        }
        if (ir instanceof BulkUpdateIr bu) {
            return bulkUpdate(bu, d, structural);
        }
        if (ir instanceof DeleteIr del) {
            return new Compiled(List.of(MutationCompiler.delete(del, new Binder(d, structural))),
                    del.returning().isEmpty() ? ResultKind.UPDATE_COUNT : ResultKind.RETURNING_ROWS, del.returning());
        }
        return raw((RawIr) ir);
    }

    private static Compiled insert(InsertIr ir, Dialect d, Map<Integer, Boolean> structural) {
        if (ir.rows().isEmpty()) {
            throw new RenderException("insert into " + ir.table() + ": needs at least one row");
        }
        int perRow = Math.max(1, ir.columns().size());
        int chunk = Math.max(1, d.maxBindParameters() / perRow);
        List<CompiledStatement> statements = new ArrayList<>();
        CompiledStatement full = null;
        for (int start = 0; start < ir.rows().size(); start += chunk) {
            int end = Math.min(ir.rows().size(), start + chunk);
            List<List<Value>> rows = ir.rows().subList(start, end);
            if (end - start == chunk && full != null && allSlots(full)) {
                // Same number of rows: same SQL; only the slots shift.
                statements.add(shift(full, start * ir.columns().size()));
            } else {
                CompiledStatement st = MutationCompiler.insert(ir, rows, start, new Binder(d, structural));
                if (end - start == chunk && start == 0) {
                    full = st;
                }
                statements.add(st);
            }
        }
        ResultKind kind;
        if (ir.returning().isEmpty()) {
            kind = ResultKind.UPDATE_COUNT;
        } else if (d.supportsReturning()) {
            kind = ResultKind.RETURNING_ROWS;
        } else {
            kind = ResultKind.UPDATE_COUNT_AND_GENERATED_KEYS;
        }
        return new Compiled(statements, kind, ir.returning());
    }

    /**
     * A bulk update is chunked like an insert: each row costs two binds per column (the CASE
     * key and value) plus one in the WHERE key list, and rows are independent of each other.
     */
    private static Compiled bulkUpdate(BulkUpdateIr bu, Dialect d, Map<Integer, Boolean> structural) {
        if (bu.rows().isEmpty() || bu.columns().isEmpty()) {
            // Let the compiler report it with its message.
            return new Compiled(List.of(MutationCompiler.bulkUpdate(bu, new Binder(d, structural))), ResultKind.UPDATE_COUNT, List.of());
        }
        int perRow = 2 * bu.columns().size() + 1;
        int chunk = Math.max(1, d.maxBindParameters() / perRow);
        List<CompiledStatement> statements = new ArrayList<>();
        for (int start = 0; start < bu.rows().size(); start += chunk) {
            int end = Math.min(bu.rows().size(), start + chunk);
            BulkUpdateIr part = new BulkUpdateIr(bu.model(), bu.table(), bu.keyColumn(), bu.columns(), bu.rows().subList(start, end));
            statements.add(MutationCompiler.bulkUpdate(part, new Binder(d, structural)));
        }
        return new Compiled(statements, ResultKind.UPDATE_COUNT, List.of());
    }

    /** The first chunk's statement with every slot moved by {@code offset} (later chunks of a template). */
    private static CompiledStatement shift(CompiledStatement first, int offset) {
        List<BindSpec> binds = new ArrayList<>(first.binds().size());
        for (BindSpec b : first.binds()) {
            binds.add(b.slot() < 0 ? b : new BindSpec(b.slot() + offset, null, b.kind(), b.transform(), b.where()));
        }
        return new CompiledStatement(first.sql(), binds);
    }

    private static boolean allSlots(CompiledStatement st) {
        for (BindSpec b : st.binds()) {
            if (b.slot() < 0) {
                return false;
            }
        }
        return true;
    }

    private static Compiled raw(RawIr raw) {
        List<BindSpec> binds = new ArrayList<>();
        for (int i = 0; i < raw.params().size(); i++) {
            Value v = raw.params().get(i);
            if (v instanceof Value.Array) {
                throw new RenderException("bind parameter " + (i + 1) + ": an array value cannot be bound as one parameter"
                        + " of raw SQL (raw parameters are scalars; a model's list field is bound as one list value)");
            }
            binds.add(v instanceof Value.Param p ? BindSpec.slot(p.index(), p.kind(), Transform.NONE, "raw params[" + i + "]")
                    : BindSpec.constant(v, Transform.NONE, "raw params[" + i + "]"));
        }
        boolean rows = READS_ROWS.matcher(raw.sql()).find() || RETURNING.matcher(raw.sql()).find();
        return new Compiled(List.of(new CompiledStatement(raw.sql(), binds)),
                rows ? ResultKind.ROWS : ResultKind.UPDATE_COUNT, List.of());
    }

    /** Slots whose value changes the SQL text: the boolean of every {@code isnull} condition. */
    public static List<Integer> structuralSlots(QueryIr ir) {
        List<Integer> out = new ArrayList<>();
        if (ir instanceof SelectIr s) {
            select(s, out);
        } else if (ir instanceof UpdateIr u) {
            filter(u.filter(), out);
        } else if (ir instanceof DeleteIr del) {
            filter(del.filter(), out);
        }
        return out;
    }

    private static void select(SelectIr s, List<Integer> out) {
        filter(s.filter(), out);
        for (io.oxyde.codec.OrderBy o : s.orderBy()) {
            if (o.expr() != null) {
                expr(o.expr(), out);
            }
        }
        filter(s.having(), out);
        for (SetOperation op : s.setOperations()) {
            select(op.query(), out);
        }
        for (io.oxyde.codec.Annotation a : s.annotations()) {
            expr(a.expr(), out);
        }
    }

    /** The structural slots of the subqueries inside an expression. */
    private static void expr(io.oxyde.codec.Expr e, List<Integer> out) {
        if (e instanceof io.oxyde.codec.Expr.Subquery sq) {
            select(sq.query(), out);
        } else if (e instanceof io.oxyde.codec.Expr.Binary b) {
            expr(b.left(), out);
            expr(b.right(), out);
        } else if (e instanceof io.oxyde.codec.Expr.Negate n) {
            expr(n.operand(), out);
        } else if (e instanceof io.oxyde.codec.Expr.Call call) {
            call.args().forEach(a -> expr(a, out));
        } else if (e instanceof io.oxyde.codec.Expr.Window w) {
            w.args().forEach(a -> expr(a, out));
            w.partitionBy().forEach(a -> expr(a, out));
            for (io.oxyde.codec.OrderBy o : w.orderBy()) {
                if (o.expr() != null) {
                    expr(o.expr(), out);
                }
            }
        } else if (e instanceof io.oxyde.codec.Expr.Case c) {
            for (io.oxyde.codec.Expr.When w : c.whens()) {
                filter(w.condition(), out);
                expr(w.value(), out);
            }
            if (c.otherwise() != null) {
                expr(c.otherwise(), out);
            }
        }
    }

    private static void filter(FilterNode node, List<Integer> out) {
        if (node == null) {
            return;
        }
        if (node instanceof FilterNode.Condition c) {
            if (c.lookup() == Lookup.ISNULL && c.value() instanceof Value.Param p && p.kind() == ValueKind.BOOL) {
                out.add(p.index());
            }
        } else if (node instanceof FilterNode.And and) {
            and.children().forEach(n -> filter(n, out));
        } else if (node instanceof FilterNode.Or or) {
            or.children().forEach(n -> filter(n, out));
        } else if (node instanceof FilterNode.InSelect in) {
            select(in.query(), out);
        } else if (node instanceof FilterNode.Exists ex) {
            select(ex.query(), out);
        } else if (node instanceof FilterNode.Compare c) {
            expr(c.expr(), out);
        } else if (node instanceof FilterNode.Test t) {
            expr(t.left(), out);
            if (t.lookup() == Lookup.ISNULL && t.right() instanceof io.oxyde.codec.Expr.Literal l
                    && l.value() instanceof Value.Param p && p.kind() == ValueKind.BOOL) {
                out.add(p.index());
            }
            expr(t.right(), out);
        } else if (node instanceof FilterNode.Not not) {
            filter(not.child(), out);
        }
    }


}
