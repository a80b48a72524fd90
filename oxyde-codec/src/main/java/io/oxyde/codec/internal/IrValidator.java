package io.oxyde.codec.internal;

import static io.oxyde.codec.internal.WireFormat.*;

import io.oxyde.codec.Aggregate;
import io.oxyde.codec.Assignment;
import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.BulkUpdateRow;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.ConflictAction;
import io.oxyde.codec.DeleteIr;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Join;
import io.oxyde.codec.OnConflict;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SelectMode;
import io.oxyde.codec.SetOperation;
import io.oxyde.codec.UpdateIr;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The semantic rules of the protocol, checked on an IR in memory: identifiers, the operand
 * each lookup takes, non-negative limit and offset, non-empty inserts and updates, nesting
 * depth, value sizes, and the number of slots. Encoding runs it on the query before writing;
 * decoding runs it on what it read. Paths name fields by their wire keys, so both report
 * the same {@code filter.children[0].value: between takes a 2-element array}.
 */
public final class IrValidator {

    /** Whether scalar values must be concrete values or {@link Value.Param} slots. */
    public enum Mode {
        /** A query: every scalar is a concrete value; parameter slots are an error. */
        QUERY,
        /** A template: every scalar is a parameter slot. */
        TEMPLATE
    }

    private final Mode mode;
    private final Path path = new Path("shape");
    private int depth;
    private int slots;
    /** How many subqueries enclose the node being checked (an outer reference needs one). */
    private int subqueries;
    /**
     * Whether a window function may appear where the checker is: in a select's annotations and
     * expression order terms, outside filters, subqueries and other windows (revision 1.3).
     */
    private boolean windows;

    private IrValidator(Mode mode) {
        this.mode = mode;
    }

    /**
     * Checks {@code ir}, throwing a {@link io.oxyde.exception.ProtocolException} naming the first
     * rule broken.
     */
    public static void validate(QueryIr ir, Mode mode) {
        new IrValidator(mode).query(ir);
    }

    /**
     * Checks the values of a parameterized query (sizes, the slot limit, no parameter slots):
     * with {@link Mode#TEMPLATE} validation of its template, the same rules as
     * {@link Mode#QUERY} validation of the whole query. Paths name the value's position in the
     * list ({@code values[3]}), not in the query.
     */
    public static void validateValues(List<Value> values) {
        if (allPlainlyValid(values)) {
            return; // nothing to report: no validator (and no path) is needed
        }
        IrValidator v = new IrValidator(Mode.QUERY);
        v.path.key("values");
        v.values(values);
    }

    /**
     * Whether every one of {@code values} is a scalar value (no array, no slot) within the
     * protocol's limits: the common case, told without building a validator. Anything else goes
     * through the full check, which names the value that fails.
     */
    private static boolean allPlainlyValid(List<Value> values) {
        int n = values.size();
        if (n > MAX_VALUES) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            Value v = values.get(i);
            if (v instanceof Value.Array || v instanceof Value.Param || sizeProblem(v) != null) {
                return false;
            }
            if (v instanceof Value.Text t ? loneSurrogate(t.value()) >= 0
                    : v instanceof Value.Json j && loneSurrogate(j.text()) >= 0) {
                return false;
            }
        }
        return true;
    }

    private void query(QueryIr ir) {
        if (ir instanceof SelectIr s) {
            select(s);
        } else if (ir instanceof InsertIr i) {
            insert(i);
        } else if (ir instanceof UpdateIr u) {
            update(u);
        } else if (ir instanceof BulkUpdateIr b) {
            bulkUpdate(b);
        } else if (ir instanceof DeleteIr d) {
            delete(d);
        } else {
            raw((RawIr) ir);
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw path.error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void leave() {
        depth--;
    }

    private void header(String table, String model) {
        identifier(K_TABLE, table);
        if (model != null) {
            identifier(K_MODEL, model);
        }
    }

    private void select(SelectIr s) {
        header(s.table(), s.model());
        columnRefs(K_COLUMNS, s.columns());
        if (s.filter() != null) {
            path.key(K_FILTER);
            filter(s.filter());
            path.pop();
        }
        path.key(K_JOINS).index(0);
        for (int i = 0; i < s.joins().size(); i++) {
            path.setIndex(i);
            Join j = s.joins().get(i);
            identifier(K_ALIAS, j.alias());
            for (int k = 0; k < i; k++) {
                if (s.joins().get(k).alias().equals(j.alias())) {
                    path.key(K_ALIAS);
                    throw path.error("duplicate join alias \"" + j.alias() + "\"");
                }
            }
            identifier(K_TABLE, j.table());
            path.key(K_LEFT);
            columnRef(j.left());
            path.pop();
            identifier(K_RIGHT, j.rightColumn());
            identifiers(K_COLUMNS, j.columns());
            path.key(K_AND_ON).index(0);
            for (int k = 0; k < j.andOn().size(); k++) {
                path.setIndex(k);
                path.index(0);
                columnRef(j.andOn().get(k).left());
                path.setIndex(1);
                identifier(j.andOn().get(k).rightColumn());
                path.pop();
            }
            path.pop().pop();
        }
        path.pop().pop();
        path.key(K_ORDER_BY).index(0);
        for (int i = 0; i < s.orderBy().size(); i++) {
            path.setIndex(i);
            OrderBy o = s.orderBy().get(i);
            if (o.kind() == ValueKind.NULL || o.kind() == ValueKind.ARRAY) {
                throw path.error("an order_by kind must be a scalar value kind, found " + o.kind());
            }
            if (o.column() != null) {
                path.index(0);
                columnRef(o.column());
                path.pop();
            } else if (o.expr() != null) {
                path.index(0);
                windowed(o.expr());
                path.pop();
            }
        }
        path.pop().pop();
        nonNegative(K_LIMIT, s.limit());
        nonNegative(K_OFFSET, s.offset());
        path.key(K_AGGREGATES).index(0);
        for (int i = 0; i < s.aggregates().size(); i++) {
            path.setIndex(i);
            Aggregate a = s.aggregates().get(i);
            if (a.column() != null) {
                path.key(K_COLUMN);
                columnRef(a.column());
                path.pop();
            }
            identifier(K_ALIAS, a.alias());
        }
        path.pop().pop();
        columnRefs(K_GROUP_BY, s.groupBy());
        if (s.having() != null) {
            path.key(K_HAVING);
            filter(s.having());
            path.pop();
        }
        path.key(K_UNION).index(0);
        for (int i = 0; i < s.setOperations().size(); i++) {
            path.setIndex(i);
            SetOperation op = s.setOperations().get(i);
            if (i > 0 && !op.operator().combinesWith(s.setOperations().get(i - 1).operator())) {
                path.key(K_OP);
                throw path.error("\"" + op.operator().wireName() + "\" cannot follow \""
                        + s.setOperations().get(i - 1).operator().wireName() + "\": the dialects disagree on which binds"
                        + " first; intersect and except combine only with themselves");
            }
            path.key(K_QUERY);
            enter();
            select(op.query());
            leave();
            path.pop();
        }
        path.pop().pop();
        path.key(K_ANNOTATIONS).index(0);
        for (int i = 0; i < s.annotations().size(); i++) {
            path.setIndex(i);
            io.oxyde.codec.Annotation a = s.annotations().get(i);
            identifier(K_ALIAS, a.alias());
            for (Aggregate g : s.aggregates()) {
                if (g.alias().equals(a.alias())) {
                    path.key(K_ALIAS);
                    throw path.error("alias \"" + a.alias() + "\" is also an aggregate's");
                }
            }
            for (int k = 0; k < i; k++) {
                if (s.annotations().get(k).alias().equals(a.alias())) {
                    path.key(K_ALIAS);
                    throw path.error("duplicate annotation alias \"" + a.alias() + "\"");
                }
            }
            path.key(K_EXPR);
            windowed(a.expr());
            path.pop();
        }
        path.pop().pop();
        columnRefs(K_DISTINCT_ON, s.distinctOn());
        if (!s.distinctOn().isEmpty() && s.distinct()) {
            path.key(K_DISTINCT_ON);
            throw path.error("distinct_on and distinct are exclusive (DISTINCT ON already keeps distinct rows)");
        }
        identifiers(K_LOCK_OF, s.lockOf());
        if (!s.lockOf().isEmpty()) {
            path.key(K_LOCK_OF);
            if (s.lock() == null) {
                throw path.error("lock_of needs a lock");
            }
            path.index(0);
            for (int i = 0; i < s.lockOf().size(); i++) {
                path.setIndex(i);
                String alias = s.lockOf().get(i);
                if (!alias.equals(s.table()) && s.joins().stream().noneMatch(j -> j.alias().equals(alias))) {
                    throw path.error("\"" + alias + "\" is neither the main table nor a join alias of this select");
                }
            }
            path.pop().pop();
        }
        path.key(K_GROUP_BY).index(0);
        for (int i = 0; i < s.groupBy().size(); i++) {
            path.setIndex(i);
            ColumnRef g = s.groupBy().get(i);
            for (io.oxyde.codec.Annotation a : s.annotations()) {
                if (g.source() == null && a.alias().equals(g.column()) && holdsWindow(a.expr())) {
                    throw path.error("cannot group by annotation \"" + a.alias() + "\": it holds a window function,"
                            + " which SQL computes after grouping");
                }
            }
        }
        path.pop().pop();
    }

    /** A select-list or order expression, where window functions are valid. */
    private void windowed(Expr e) {
        boolean was = windows;
        windows = true;
        expr(e, true);
        windows = was;
    }

    private static boolean holdsWindow(Expr e) {
        if (e instanceof Expr.Window) {
            return true;
        }
        if (e instanceof Expr.Call c) {
            return c.args().stream().anyMatch(IrValidator::holdsWindow);
        }
        if (e instanceof Expr.Case c) {
            return c.whens().stream().anyMatch(w -> holdsWindow(w.value()))
                    || c.otherwise() != null && holdsWindow(c.otherwise());
        }
        if (e instanceof Expr.Binary b) {
            return holdsWindow(b.left()) || holdsWindow(b.right());
        }
        return e instanceof Expr.Negate n && holdsWindow(n.operand());
    }

    private void nonNegative(String key, Long n) {
        if (n != null && n < 0) {
            path.key(key);
            throw path.error("must not be negative, found " + n);
        }
    }

    private void insert(InsertIr ins) {
        header(ins.table(), ins.model());
        path.key(K_COLUMNS);
        if (ins.columns().isEmpty()) {
            throw path.error("an insert needs at least one column");
        }
        path.pop();
        identifiers(K_COLUMNS, ins.columns());
        path.key(K_ROWS);
        if (ins.rows().isEmpty()) {
            throw path.error("an insert needs at least one row");
        }
        path.index(0);
        for (int i = 0; i < ins.rows().size(); i++) {
            path.setIndex(i);
            List<Value> row = ins.rows().get(i);
            if (row.size() != ins.columns().size()) {
                throw path.error("row has " + row.size() + " values for " + ins.columns().size() + " columns");
            }
            values(row);
        }
        path.pop().pop();
        identifiers(K_RETURNING, ins.returning());
        OnConflict oc = ins.onConflict();
        if (oc != null) {
            path.key(K_ON_CONFLICT);
            identifiers(K_TARGET, oc.target());
            identifiers(K_UPDATE, oc.updateColumns());
            if (oc.action() == ConflictAction.DO_UPDATE && oc.updateColumns().isEmpty()) {
                path.key(K_UPDATE);
                throw path.error("action \"update\" needs at least one column to update");
            }
            path.pop();
        }
    }

    private void update(UpdateIr u) {
        header(u.table(), u.model());
        path.key(K_SET);
        if (u.assignments().isEmpty()) {
            throw path.error("an update needs at least one assignment");
        }
        path.index(0);
        for (int i = 0; i < u.assignments().size(); i++) {
            path.setIndex(i);
            Assignment a = u.assignments().get(i);
            path.index(0);
            identifier(a.column());
            path.setIndex(1);
            expr(a.value(), false);
            path.pop();
        }
        path.pop().pop();
        if (u.filter() != null) {
            path.key(K_FILTER);
            filter(u.filter());
            path.pop();
        }
        identifiers(K_RETURNING, u.returning());
    }

    /** An expression; {@code sources}: whether columns may name a join alias (filters, not updates). */
    private void expr(Expr e, boolean sources) {
        enter();
        if (e instanceof Expr.Literal l) {
            path.key(K_VALUE);
            value(l.value());
            path.pop();
        } else if (e instanceof Expr.Column c) {
            identifier(K_NAME, c.name());
            if (c.source() != null) {
                if (!sources) {
                    path.key(K_SOURCE);
                    throw path.error("an update expression names columns of the updated table only, found source \""
                            + c.source() + "\"");
                }
                identifier(K_SOURCE, c.source());
            }
        } else if (e instanceof Expr.Outer o) {
            if (subqueries == 0) {
                throw path.error("an outer column reference (\"" + o.name() + "\") is valid only inside a subquery");
            }
            identifier(K_NAME, o.name());
            if (o.source() != null) {
                identifier(K_SOURCE, o.source());
            }
        } else if (e instanceof Expr.Case c) {
            path.key(K_WHENS).index(0);
            for (int i = 0; i < c.whens().size(); i++) {
                path.setIndex(i);
                Expr.When w = c.whens().get(i);
                path.key(K_WHEN);
                filter(w.condition());
                path.pop().key(K_THEN);
                expr(w.value(), sources);
                path.pop();
            }
            path.pop().pop();
            if (c.otherwise() != null) {
                path.key(K_ELSE);
                expr(c.otherwise(), sources);
                path.pop();
            }
        } else if (e instanceof Expr.Call call) {
            io.oxyde.codec.ScalarFunction f = call.function();
            int n = call.args().size();
            if (n < f.minArgs() || n > f.maxArgs()) {
                path.key(K_ARGS);
                throw path.error(f.wireName() + " takes " + (f.minArgs() == f.maxArgs() ? String.valueOf(f.minArgs())
                        : f.minArgs() + " to " + f.maxArgs()) + " arguments, found " + n);
            }
            path.key(K_ARGS).index(0);
            for (int i = 0; i < n; i++) {
                path.setIndex(i);
                expr(call.args().get(i), sources);
            }
            path.pop().pop();
        } else if (e instanceof Expr.Window w) {
            window(w, sources);
        } else if (e instanceof Expr.Subquery sq) {
            path.key(K_QUERY);
            singleColumnQuery(sq.query(), "a subquery");
            path.pop();
        } else if (e instanceof Expr.Binary b) {
            path.key(K_LEFT);
            expr(b.left(), sources);
            path.pop().key(K_RIGHT);
            expr(b.right(), sources);
            path.pop();
        } else {
            path.key(K_OPERAND);
            expr(((Expr.Negate) e).operand(), sources);
            path.pop();
        }
        leave();
    }

    private void bulkUpdate(BulkUpdateIr b) {
        header(b.table(), b.model());
        identifier(K_KEY, b.keyColumn());
        path.key(K_COLUMNS);
        if (b.columns().isEmpty()) {
            throw path.error("a bulk update needs at least one column");
        }
        path.pop();
        identifiers(K_COLUMNS, b.columns());
        path.key(K_ROWS);
        if (b.rows().isEmpty()) {
            throw path.error("a bulk update needs at least one row");
        }
        path.index(0);
        for (int i = 0; i < b.rows().size(); i++) {
            path.setIndex(i);
            BulkUpdateRow row = b.rows().get(i);
            if (row.values().size() != b.columns().size()) {
                throw path.error("row has " + row.values().size() + " values for " + b.columns().size() + " columns");
            }
            path.index(0);
            value(row.key());
            path.setIndex(1);
            values(row.values());
            path.pop();
        }
        path.pop().pop();
    }

    private void delete(DeleteIr d) {
        header(d.table(), d.model());
        if (d.filter() != null) {
            path.key(K_FILTER);
            filter(d.filter());
            path.pop();
        }
        identifiers(K_RETURNING, d.returning());
    }

    private void raw(RawIr r) {
        path.key(K_SQL);
        if (r.sql().isBlank()) {
            throw path.error("raw SQL must not be empty");
        }
        if (r.sql().length() > MAX_SQL_BYTES / 3 && utf8Length(r.sql()) > MAX_SQL_BYTES) {
            throw path.error("raw SQL longer than " + MAX_SQL_BYTES + " bytes");
        }
        int nul = r.sql().indexOf('\0');
        if (nul >= 0) {
            // PostgreSQL ends the connection on it (08P01); no database accepts it in SQL text
            throw path.error("raw SQL holds a NUL character at index " + nul);
        }
        int lone = loneSurrogate(r.sql());
        if (lone >= 0) {
            throw path.error(String.format("raw SQL holds an unpaired surrogate U+%04X at index %d",
                    (int) r.sql().charAt(lone), lone));
        }
        if (!holdsStatement(r.sql())) {
            // SQLite's driver fails on it with internal errors ("statement has been finalized")
            throw path.error("raw SQL holds no statement, only comments, whitespace or ';'");
        }
        path.pop();
        path.key(K_PARAMS);
        values(r.params());
        path.pop();
    }

    private void filter(FilterNode node) {
        boolean was = windows;
        windows = false;
        try {
            filterNode(node);
        } finally {
            windows = was;
        }
    }

    private void filterNode(FilterNode node) {
        enter();
        if (node instanceof FilterNode.Condition c) {
            path.key(K_FIELD);
            columnRef(c.field());
            path.pop().key(K_VALUE);
            Value v = c.value();
            switch (c.lookup()) {
                case IN -> {
                    if (!(v instanceof Value.Array)) {
                        throw path.error("in takes an array, found " + v.kind());
                    }
                }
                case BETWEEN -> {
                    if (!(v instanceof Value.Array a) || a.elements().size() != 2) {
                        throw path.error("between takes a 2-element array");
                    }
                }
                case ISNULL -> {
                    if (v.kind() != ValueKind.BOOL) {
                        throw path.error("isnull takes a bool, found " + v.kind());
                    }
                }
                case OVERLAP -> {
                    if (!(v instanceof Value.Array)) {
                        throw path.error("overlap takes an array, found " + v.kind());
                    }
                }
                case LEN, YEAR, MONTH, DAY -> {
                    if (v.kind() != ValueKind.INT) {
                        throw path.error(c.lookup().wireName() + " takes an integer, found " + v.kind());
                    }
                }
                default -> { }
            }
            value(v);
            path.pop();
        } else if (node instanceof FilterNode.And and) {
            children(and.children());
        } else if (node instanceof FilterNode.Or or) {
            children(or.children());
        } else if (node instanceof FilterNode.Compare c) {
            path.key(K_FIELD);
            columnRef(c.field());
            path.pop();
            switch (c.lookup()) {
                case EQ, NE, GT, GTE, LT, LTE -> { }
                default -> {
                    path.key(K_OP);
                    throw path.error("compare takes eq, ne, gt, gte, lt or lte, found " + c.lookup().wireName());
                }
            }
            path.key(K_EXPR);
            expr(c.expr(), true);
            path.pop();
        } else if (node instanceof FilterNode.InSelect in) {
            path.key(K_FIELD);
            columnRef(in.field());
            path.pop().key(K_QUERY);
            inSelectQuery(in.query());
            path.pop();
        } else if (node instanceof FilterNode.Exists ex) {
            path.key(K_QUERY);
            SelectIr q = ex.query();
            if (q.mode() != SelectMode.ROWS) {
                throw path.error("an exists query returns rows, found mode \"" + q.mode().wireName() + "\"");
            }
            if (q.lock() != null) {
                path.key(K_LOCK);
                throw path.error("an exists query cannot lock rows");
            }
            nested(q);
            path.pop();
        } else if (node instanceof FilterNode.Test t) {
            path.key(K_LEFT);
            expr(t.left(), true);
            path.pop();
            switch (t.lookup()) {
                case EQ, NE, GT, GTE, LT, LTE -> { }
                case ISNULL -> {
                    if (!(t.right() instanceof Expr.Literal l) || l.value().kind() != ValueKind.BOOL) {
                        path.key(K_RIGHT);
                        throw path.error("isnull takes a bool value");
                    }
                }
                default -> {
                    path.key(K_OP);
                    throw path.error("test takes eq, ne, gt, gte, lt, lte or isnull, found " + t.lookup().wireName());
                }
            }
            path.key(K_RIGHT);
            expr(t.right(), true);
            path.pop();
        } else {
            path.key(K_CHILD);
            filter(((FilterNode.Not) node).child());
            path.pop();
        }
        leave();
    }

    /** The subquery of an {@code in_select}: a select of exactly one column, returning rows, unlocked. */
    private void inSelectQuery(SelectIr q) {
        singleColumnQuery(q, "an in_select query");
    }

    /** A select of exactly one column, returning rows, unlocked ({@code in_select}, scalar subquery). */
    private void singleColumnQuery(SelectIr q, String what) {
        int selected = q.columns().size() + q.aggregates().size() + q.annotations().size();
        for (Join j : q.joins()) {
            selected += j.columns().size();
        }
        if (selected != 1) {
            throw path.error(what + " selects exactly one column (columns, joined columns and aggregates"
                    + (q.annotations().isEmpty() ? "" : " and annotations") + "), found " + selected);
        }
        if (q.mode() != SelectMode.ROWS) {
            throw path.error(what + " returns rows, found mode \"" + q.mode().wireName() + "\"");
        }
        if (q.lock() != null) {
            path.key(K_LOCK);
            throw path.error(what + " cannot lock rows");
        }
        nested(q);
    }

    /** Checks a subquery, inside which outer column references are valid. */
    private void nested(SelectIr q) {
        enter();
        subqueries++;
        boolean was = windows;
        windows = false;
        select(q);
        windows = was;
        subqueries--;
        leave();
    }

    /** A window function (revision 1.3): where it may be, its arguments, offset and window. */
    private void window(Expr.Window w, boolean sources) {
        if (!windows) {
            throw path.error("a window function (" + w.function().wireName() + ") is valid only in a select's annotations"
                    + " and order_by, outside filters and other windows (SQL computes windows after WHERE, GROUP BY and"
                    + " HAVING; filter on it from an enclosing query)");
        }
        io.oxyde.codec.WindowFunction f = w.function();
        int n = w.args().size();
        if (n < f.minArgs() || n > f.maxArgs()) {
            path.key(K_ARGS);
            throw path.error(f.wireName() + " takes " + (f.minArgs() == f.maxArgs() ? String.valueOf(f.minArgs())
                    : f.minArgs() + " to " + f.maxArgs()) + " arguments, found " + n);
        }
        if (w.offset() != null && !f.takesOffset()) {
            path.key(K_OFFSET);
            throw path.error(f.wireName() + " takes no offset (only lag and lead do)");
        }
        if (w.offset() != null && w.offset() < 0) {
            path.key(K_OFFSET);
            throw path.error("a window offset must not be negative, found " + w.offset());
        }
        windows = false;
        path.key(K_ARGS).index(0);
        for (int i = 0; i < n; i++) {
            path.setIndex(i);
            expr(w.args().get(i), sources);
        }
        path.pop().pop();
        path.key(K_PARTITION_BY).index(0);
        for (int i = 0; i < w.partitionBy().size(); i++) {
            path.setIndex(i);
            expr(w.partitionBy().get(i), sources);
        }
        path.pop().pop();
        path.key(K_ORDER_BY).index(0);
        for (int i = 0; i < w.orderBy().size(); i++) {
            path.setIndex(i);
            OrderBy o = w.orderBy().get(i);
            if (o.direction() == io.oxyde.codec.Direction.RANDOM) {
                throw path.error("a window is ordered \"asc\" or \"desc\", not \"random\"");
            }
            if (o.kind() == ValueKind.NULL || o.kind() == ValueKind.ARRAY) {
                throw path.error("an order_by kind must be a scalar value kind, found " + o.kind());
            }
            path.index(0);
            if (o.column() != null) {
                columnRef(o.column());
            } else {
                expr(o.expr(), sources);
            }
            path.pop();
        }
        path.pop().pop();
        windows = true;
    }

    private void children(List<FilterNode> children) {
        path.key(K_CHILDREN).index(0);
        for (int i = 0; i < children.size(); i++) {
            path.setIndex(i);
            filter(children.get(i));
        }
        path.pop().pop();
    }

    private void values(List<Value> values) {
        path.index(0);
        for (int i = 0; i < values.size(); i++) {
            path.setIndex(i);
            value(values.get(i));
        }
        path.pop();
    }

    private void value(Value v) {
        if (v instanceof Value.Array a) {
            enter();
            values(a.elements());
            leave();
            return;
        }
        if (++slots > MAX_VALUES) {
            throw path.error("more than " + MAX_VALUES + " values");
        }
        if (v instanceof Value.Param) {
            if (mode == Mode.QUERY) {
                throw path.error("a parameter slot cannot be encoded; encode a query, not a template");
            }
            return;
        }
        if (mode == Mode.TEMPLATE) {
            throw path.error("a template holds parameter slots, found a " + v.kind() + " value");
        }
        String problem = sizeProblem(v);
        if (problem != null) {
            throw path.error(problem);
        }
        if (v instanceof Value.Text t) {
            surrogates(t.value());
        } else if (v instanceof Value.Json j) {
            surrogates(j.text());
        }
    }

    /**
     * What puts a scalar value beyond the protocol's size and range limits (text, JSON and bytes
     * length; decimal digits, scale and magnitude), or {@code null}: the one check for request
     * values and result values alike.
     */
    public static String sizeProblem(Value v) {
        if (v instanceof Value.Text t) {
            return textTooLong(t.value());
        }
        if (v instanceof Value.Json j) {
            return textTooLong(j.text());
        }
        if (v instanceof Value.Bytes b) {
            return b.value().length > MAX_BLOB_BYTES ? "bytes longer than " + MAX_BLOB_BYTES : null;
        }
        if (v instanceof Value.Decimal d) {
            if (d.value().unscaledValue().bitLength() / 8 + 1 > MAX_DECIMAL_BYTES) {
                return "decimal with more than " + MAX_DECIMAL_BYTES + " bytes of digits";
            }
            return ValueCodec.decimalProblem(d.value());
        }
        return null;
    }

    private static String textTooLong(String s) {
        return s.length() > MAX_BLOB_BYTES / 3 && utf8Length(s) > MAX_BLOB_BYTES
                ? "text longer than " + MAX_BLOB_BYTES + " bytes" : null;
    }

    private void surrogates(String s) {
        int lone = loneSurrogate(s);
        if (lone >= 0) {
            // not Unicode: UTF-8 cannot carry it, and every driver would store '?' in its place
            throw path.error(String.format("text holds an unpaired surrogate U+%04X at index %d",
                    (int) s.charAt(lone), lone));
        }
    }

    /** Whether {@code sql} has anything but whitespace, {@code ;}, {@code --} and {@code /* *\/} comments. */
    private static boolean holdsStatement(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    return true; // an unterminated comment: let the database say what is wrong
                }
                i = end + 2;
            } else {
                return true;
            }
        }
        return false;
    }

    /** The index of the first unpaired surrogate in {@code s}, or -1. */
    private static int loneSurrogate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static long utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private void columnRefs(String key, List<ColumnRef> refs) {
        path.key(key).index(0);
        for (int i = 0; i < refs.size(); i++) {
            path.setIndex(i);
            columnRef(refs.get(i));
        }
        path.pop().pop();
    }

    private void columnRef(ColumnRef ref) {
        if (ref.source() == null) {
            identifier(ref.column());
        } else {
            path.index(0);
            identifier(ref.source());
            path.setIndex(1);
            identifier(ref.column());
            path.pop();
        }
    }

    private void identifiers(String key, List<String> names) {
        path.key(key).index(0);
        for (int i = 0; i < names.size(); i++) {
            path.setIndex(i);
            identifier(names.get(i));
        }
        path.pop().pop();
    }

    private void identifier(String key, String name) {
        path.key(key);
        identifier(name);
        path.pop();
    }

    /** Non-empty, at most 128 characters, no control characters; anything else is allowed. */
    private void identifier(String name) {
        String problem = Identifiers.problem(name);
        if (problem != null) {
            throw path.error(problem);
        }
    }
}
