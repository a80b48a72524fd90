package io.oxyde.codec.internal;

import static io.oxyde.codec.internal.WireFormat.*;

import io.oxyde.codec.Aggregate;
import io.oxyde.codec.AggregateFunction;
import io.oxyde.codec.ArithmeticOperator;
import io.oxyde.codec.ConflictAction;
import io.oxyde.codec.Direction;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.LockMode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.SetOperator;
import io.oxyde.codec.Assignment;
import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.BulkUpdateRow;
import io.oxyde.codec.ColumnRef;
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
import java.io.IOException;
import java.util.List;
import org.msgpack.core.MessagePacker;

/**
 * Writes the shape of a query: its template as MessagePack maps with short keys, every scalar
 * value written as a parameter slot numbered in {@link io.oxyde.codec.IrTemplate}'s slot
 * order. Works straight from the query (no template records are built); the scalar values are
 * appended to {@code values} in slot order when it is given.
 */
final class ShapeWriter {

    private static final byte[] N_ACTION = EncodedNames.of(K_ACTION);
    private static final byte[] N_AGGREGATES = EncodedNames.of(K_AGGREGATES);
    private static final byte[] N_ALIAS = EncodedNames.of(K_ALIAS);
    private static final byte[] N_CHILD = EncodedNames.of(K_CHILD);
    private static final byte[] N_CHILDREN = EncodedNames.of(K_CHILDREN);
    private static final byte[] N_COLUMN = EncodedNames.of(K_COLUMN);
    private static final byte[] N_COLUMNS = EncodedNames.of(K_COLUMNS);
    private static final byte[] N_DISTINCT = EncodedNames.of(K_DISTINCT);
    private static final byte[] N_FIELD = EncodedNames.of(K_FIELD);
    private static final byte[] N_FILTER = EncodedNames.of(K_FILTER);
    private static final byte[] N_FUNCTION = EncodedNames.of(K_FUNCTION);
    private static final byte[] N_GROUP_BY = EncodedNames.of(K_GROUP_BY);
    private static final byte[] N_HAVING = EncodedNames.of(K_HAVING);
    private static final byte[] N_JOINS = EncodedNames.of(K_JOINS);
    private static final byte[] N_KEY = EncodedNames.of(K_KEY);
    private static final byte[] N_KIND = EncodedNames.of(K_KIND);
    private static final byte[] N_LEFT = EncodedNames.of(K_LEFT);
    private static final byte[] N_LIMIT = EncodedNames.of(K_LIMIT);
    private static final byte[] N_LOCK = EncodedNames.of(K_LOCK);
    private static final byte[] N_MODE = EncodedNames.of(K_MODE);
    private static final byte[] N_MODEL = EncodedNames.of(K_MODEL);
    private static final byte[] N_NAME = EncodedNames.of(K_NAME);
    private static final byte[] N_OFFSET = EncodedNames.of(K_OFFSET);
    private static final byte[] N_ON_CONFLICT = EncodedNames.of(K_ON_CONFLICT);
    private static final byte[] N_OP = EncodedNames.of(K_OP);
    private static final byte[] N_OPERAND = EncodedNames.of(K_OPERAND);
    private static final byte[] N_ORDER_BY = EncodedNames.of(K_ORDER_BY);
    private static final byte[] N_PARAMS = EncodedNames.of(K_PARAMS);
    private static final byte[] N_QUERY = EncodedNames.of(K_QUERY);
    private static final byte[] N_RETURNING = EncodedNames.of(K_RETURNING);
    private static final byte[] N_RIGHT = EncodedNames.of(K_RIGHT);
    private static final byte[] N_ROWS = EncodedNames.of(K_ROWS);
    private static final byte[] N_SET = EncodedNames.of(K_SET);
    private static final byte[] N_SQL = EncodedNames.of(K_SQL);
    private static final byte[] N_TABLE = EncodedNames.of(K_TABLE);
    private static final byte[] N_TARGET = EncodedNames.of(K_TARGET);
    private static final byte[] N_TYPE = EncodedNames.of(K_TYPE);
    private static final byte[] N_UNION = EncodedNames.of(K_UNION);
    private static final byte[] N_UPDATE = EncodedNames.of(K_UPDATE);
    private static final byte[] N_VALUE = EncodedNames.of(K_VALUE);
    private static final byte[] N_BINARY = EncodedNames.of(T_BINARY);
    private static final byte[] N_CONDITION = EncodedNames.of(T_CONDITION);
    private static final byte[] N_NEG = EncodedNames.of(T_NEG);
    private static final byte[] N_NOT = EncodedNames.of(T_NOT);
    private static final byte[] N_IN_SELECT = EncodedNames.of(T_IN_SELECT);
    private static final byte[] N_COMPARE = EncodedNames.of(T_COMPARE);
    private static final byte[] N_SOURCE = EncodedNames.of(K_SOURCE);
    private static final byte[] N_EXPR = EncodedNames.of(K_EXPR);
    private static final byte[] N_NUMERIC = EncodedNames.of(K_NUMERIC);
    private static final byte[] N_OP_RAW = EncodedNames.of("raw");
    private static final byte[] N_ANNOTATIONS = EncodedNames.of(K_ANNOTATIONS);
    private static final byte[] N_EXISTS = EncodedNames.of(T_EXISTS);
    private static final byte[] N_TEST = EncodedNames.of(T_TEST);
    private static final byte[] N_OUTER = EncodedNames.of(T_OUTER);
    private static final byte[] N_SUBQUERY = EncodedNames.of(T_SUBQUERY);
    private static final byte[] N_CALL = EncodedNames.of(T_CALL);
    private static final byte[] N_ARGS = EncodedNames.of(K_ARGS);
    private static final byte[] N_CASE = EncodedNames.of(T_CASE);
    private static final byte[] N_WHENS = EncodedNames.of(K_WHENS);
    private static final byte[] N_WHEN = EncodedNames.of(K_WHEN);
    private static final byte[] N_THEN = EncodedNames.of(K_THEN);
    private static final byte[] N_ELSE = EncodedNames.of(K_ELSE);
    private static final byte[] N_WINDOW = EncodedNames.of(T_WINDOW);
    private static final byte[] N_DISTINCT_ON = EncodedNames.of(K_DISTINCT_ON);
    private static final byte[] N_LOCK_OF = EncodedNames.of(K_LOCK_OF);
    private static final byte[] N_PARTITION_BY = EncodedNames.of(K_PARTITION_BY);
    private static final byte[][] LOCKS = names(LockMode.values());
    private static final byte[][] DIRECTIONS = names(Direction.values());
    private static final byte[][] SET_OPERATORS = names(SetOperator.values());
    private static final byte[][] MODES = names(SelectMode.values());
    private static final byte[][] JOIN_KINDS = names(JoinKind.values());
    private static final byte[][] FUNCTIONS = names(AggregateFunction.values());
    private static final byte[][] ACTIONS = names(ConflictAction.values());
    private static final byte[][] LOOKUPS = names(Lookup.values());
    private static final byte[][] ARITHMETIC = names(ArithmeticOperator.values());

    private static final byte[] N_OP_SELECT = EncodedNames.of("select");
    private static final byte[] N_OP_INSERT = EncodedNames.of("insert");
    private static final byte[] N_OP_UPDATE = EncodedNames.of("update");
    private static final byte[] N_OP_BULK_UPDATE = EncodedNames.of("bulk_update");
    private static final byte[] N_OP_DELETE = EncodedNames.of("delete");
    private final MessagePacker p;
    private final List<Value> values;
    private final ValueCodec valueCodec;
    private int slots;

    public ShapeWriter(MessagePacker p, List<Value> values, ValueCodec valueCodec) {
        this.p = p;
        this.values = values;
        this.valueCodec = valueCodec;
    }

    public void write(QueryIr ir) throws IOException {
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

    private static byte[][] names(Enum<?>[] constants) {
        String[] names = new String[constants.length];
        for (int i = 0; i < constants.length; i++) {
            names[i] = wireName(constants[i]);
        }
        return EncodedNames.ofAll(names);
    }

    private static String wireName(Enum<?> e) {
        if (e instanceof LockMode m) {
            return m.wireName();
        } else if (e instanceof Direction d) {
            return d.wireName();
        } else if (e instanceof SetOperator o) {
            return o.wireName();
        } else if (e instanceof SelectMode m) {
            return m.wireName();
        } else if (e instanceof JoinKind k) {
            return k.wireName();
        } else if (e instanceof AggregateFunction f) {
            return f.wireName();
        } else if (e instanceof ConflictAction a) {
            return a.wireName();
        } else if (e instanceof Lookup l) {
            return l.wireName();
        }
        return ((ArithmeticOperator) e).wireName();
    }

    /** Writes a pre-encoded name. */
    private MessagePacker name(byte[] encoded) throws IOException {
        return p.writePayload(encoded);
    }

    private void header(byte[] type, String table, String model, int optionalEntries) throws IOException {
        p.packMapHeader(2 + (model != null ? 1 : 0) + optionalEntries);
        name(N_TYPE);
        name(type);
        name(N_TABLE).packString(table);
        if (model != null) {
            name(N_MODEL).packString(model);
        }
    }

    private static int present(Object o) {
        return o == null ? 0 : 1;
    }

    private static int present(List<?> l) {
        return l.isEmpty() ? 0 : 1;
    }

    private void select(SelectIr s) throws IOException {
        int n = present(s.columns()) + (s.distinct() ? 1 : 0) + present(s.filter()) + present(s.joins())
                + present(s.orderBy()) + present(s.limit()) + present(s.offset()) + present(s.aggregates())
                + present(s.groupBy()) + present(s.having()) + present(s.lock())
                + present(s.setOperations()) + (s.mode() != SelectMode.ROWS ? 1 : 0) + present(s.annotations())
                + present(s.distinctOn()) + present(s.lockOf());
        header(N_OP_SELECT, s.table(), s.model(), n);
        if (!s.columns().isEmpty()) {
            name(N_COLUMNS);
            columnRefs(s.columns());
        }
        if (s.distinct()) {
            name(N_DISTINCT).packBoolean(true);
        }
        if (s.filter() != null) {
            name(N_FILTER);
            filter(s.filter());
        }
        if (!s.joins().isEmpty()) {
            name(N_JOINS).packArrayHeader(s.joins().size());
            for (Join j : s.joins()) {
                join(j);
            }
        }
        if (!s.orderBy().isEmpty()) {
            name(N_ORDER_BY).packArrayHeader(s.orderBy().size());
            for (OrderBy o : s.orderBy()) {
                orderTerm(o);
            }
        }
        if (s.limit() != null) {
            name(N_LIMIT).packLong(s.limit());
        }
        if (s.offset() != null) {
            name(N_OFFSET).packLong(s.offset());
        }
        if (!s.aggregates().isEmpty()) {
            name(N_AGGREGATES).packArrayHeader(s.aggregates().size());
            for (Aggregate a : s.aggregates()) {
                aggregate(a);
            }
        }
        if (!s.groupBy().isEmpty()) {
            name(N_GROUP_BY);
            columnRefs(s.groupBy());
        }
        if (s.having() != null) {
            name(N_HAVING);
            filter(s.having());
        }
        if (s.lock() != null) {
            name(N_LOCK);
            name(LOCKS[s.lock().ordinal()]);
        }
        if (!s.setOperations().isEmpty()) {
            name(N_UNION).packArrayHeader(s.setOperations().size());
            for (SetOperation op : s.setOperations()) {
                p.packMapHeader(2);
                name(N_OP);
                name(SET_OPERATORS[op.operator().ordinal()]);
                name(N_QUERY);
                select(op.query());
            }
        }
        if (s.mode() != SelectMode.ROWS) {
            name(N_MODE);
            name(MODES[s.mode().ordinal()]);
        }
        if (!s.annotations().isEmpty()) {
            name(N_ANNOTATIONS).packArrayHeader(s.annotations().size());
            for (io.oxyde.codec.Annotation a : s.annotations()) {
                p.packMapHeader(2);
                name(N_ALIAS).packString(a.alias());
                name(N_EXPR);
                expr(a.expr());
            }
        }
        if (!s.distinctOn().isEmpty()) {
            name(N_DISTINCT_ON);
            columnRefs(s.distinctOn());
        }
        if (!s.lockOf().isEmpty()) {
            name(N_LOCK_OF);
            strings(s.lockOf());
        }
    }

    private void join(Join j) throws IOException {
        p.packMapHeader(5 + present(j.columns()));
        name(N_ALIAS).packString(j.alias());
        name(N_TABLE).packString(j.table());
        name(N_KIND);
        name(JOIN_KINDS[j.kind().ordinal()]);
        name(N_LEFT);
        columnRef(j.left());
        name(N_RIGHT).packString(j.rightColumn());
        if (!j.columns().isEmpty()) {
            name(N_COLUMNS);
            strings(j.columns());
        }
    }

    private void aggregate(Aggregate a) throws IOException {
        p.packMapHeader(2 + present(a.column()) + (a.distinct() ? 1 : 0));
        name(N_FUNCTION);
        name(FUNCTIONS[a.function().ordinal()]);
        if (a.column() != null) {
            name(N_COLUMN);
            columnRef(a.column());
        }
        if (a.distinct()) {
            name(N_DISTINCT).packBoolean(true);
        }
        name(N_ALIAS).packString(a.alias());
    }

    private void insert(InsertIr i) throws IOException {
        header(N_OP_INSERT, i.table(), i.model(), 2 + present(i.returning()) + present(i.onConflict()));
        name(N_COLUMNS);
        strings(i.columns());
        name(N_ROWS).packArrayHeader(i.rows().size());
        for (List<Value> row : i.rows()) {
            values(row);
        }
        if (!i.returning().isEmpty()) {
            name(N_RETURNING);
            strings(i.returning());
        }
        if (i.onConflict() != null) {
            OnConflict oc = i.onConflict();
            name(N_ON_CONFLICT).packMapHeader(1 + present(oc.target()) + present(oc.updateColumns()));
            name(N_ACTION);
            name(ACTIONS[oc.action().ordinal()]);
            if (!oc.target().isEmpty()) {
                name(N_TARGET);
                strings(oc.target());
            }
            if (!oc.updateColumns().isEmpty()) {
                name(N_UPDATE);
                strings(oc.updateColumns());
            }
        }
    }

    private void update(UpdateIr u) throws IOException {
        header(N_OP_UPDATE, u.table(), u.model(), 1 + present(u.filter()) + present(u.returning()));
        name(N_SET).packArrayHeader(u.assignments().size());
        for (Assignment a : u.assignments()) {
            p.packArrayHeader(2).packString(a.column());
            expr(a.value());
        }
        if (u.filter() != null) {
            name(N_FILTER);
            filter(u.filter());
        }
        if (!u.returning().isEmpty()) {
            name(N_RETURNING);
            strings(u.returning());
        }
    }

    private void bulkUpdate(BulkUpdateIr b) throws IOException {
        header(N_OP_BULK_UPDATE, b.table(), b.model(), 3);
        name(N_KEY).packString(b.keyColumn());
        name(N_COLUMNS);
        strings(b.columns());
        name(N_ROWS).packArrayHeader(b.rows().size());
        for (BulkUpdateRow row : b.rows()) {
            p.packArrayHeader(2);
            value(row.key());
            values(row.values());
        }
    }

    private void delete(DeleteIr d) throws IOException {
        header(N_OP_DELETE, d.table(), d.model(), present(d.filter()) + present(d.returning()));
        if (d.filter() != null) {
            name(N_FILTER);
            filter(d.filter());
        }
        if (!d.returning().isEmpty()) {
            name(N_RETURNING);
            strings(d.returning());
        }
    }

    private void raw(RawIr r) throws IOException {
        p.packMapHeader(3);
        name(N_TYPE);
        name(N_OP_RAW);
        name(N_SQL).packString(r.sql());
        name(N_PARAMS);
        values(r.params());
    }

    private void filter(FilterNode node) throws IOException {
        if (node instanceof FilterNode.Condition c) {
            fieldAndOp(N_CONDITION, 4, c.field(), c.lookup());
            name(N_VALUE);
            value(c.value());
        } else if (node instanceof FilterNode.And and) {
            children(T_AND, and.children());
        } else if (node instanceof FilterNode.Or or) {
            children(T_OR, or.children());
        } else if (node instanceof FilterNode.Compare c) {
            fieldAndOp(N_COMPARE, c.numeric() ? 5 : 4, c.field(), c.lookup());
            name(N_EXPR);
            expr(c.expr());
            if (c.numeric()) {
                name(N_NUMERIC).packBoolean(true);
            }
        } else if (node instanceof FilterNode.InSelect in) {
            p.packMapHeader(3);
            name(N_TYPE);
            name(N_IN_SELECT);
            name(N_FIELD);
            columnRef(in.field());
            name(N_QUERY);
            select(in.query());
        } else if (node instanceof FilterNode.Exists ex) {
            p.packMapHeader(2);
            name(N_TYPE);
            name(N_EXISTS);
            name(N_QUERY);
            select(ex.query());
        } else if (node instanceof FilterNode.Test t) {
            p.packMapHeader(t.numeric() ? 5 : 4);
            name(N_TYPE);
            name(N_TEST);
            name(N_LEFT);
            expr(t.left());
            name(N_OP);
            name(LOOKUPS[t.lookup().ordinal()]);
            name(N_RIGHT);
            expr(t.right());
            if (t.numeric()) {
                name(N_NUMERIC).packBoolean(true);
            }
        } else {
            p.packMapHeader(2);
            name(N_TYPE);
            name(N_NOT);
            name(N_CHILD);
            filter(((FilterNode.Not) node).child());
        }
    }

    /** The head of a condition-like node: map header, type, field and operator. */
    private void fieldAndOp(byte[] type, int entries, ColumnRef field, Lookup lookup) throws IOException {
        p.packMapHeader(entries);
        name(N_TYPE);
        name(type);
        name(N_FIELD);
        columnRef(field);
        name(N_OP);
        name(LOOKUPS[lookup.ordinal()]);
    }

    private void children(String type, List<FilterNode> children) throws IOException {
        p.packMapHeader(2);
        name(N_TYPE).packString(type);
        name(N_CHILDREN).packArrayHeader(children.size());
        for (int i = 0; i < children.size(); i++) {
            filter(children.get(i));
        }
    }

    private void orderTerm(OrderBy o) throws IOException {
        p.packArrayHeader(o.kind() == null ? 2 : 3);
        if (o.expr() != null) {
            expr(o.expr());
        } else if (o.column() == null) {
            p.packNil();
        } else {
            columnRef(o.column());
        }
        name(DIRECTIONS[o.direction().ordinal()]);
        if (o.kind() != null) {
            p.packInt(o.kind().tag());
        }
    }

    private void expr(Expr e) throws IOException {
        if (e instanceof Expr.Literal l) {
            p.packMapHeader(2);
            name(N_TYPE);
            name(N_VALUE);
            name(N_VALUE);
            value(l.value());
        } else if (e instanceof Expr.Column c) {
            p.packMapHeader(c.source() == null ? 2 : 3);
            name(N_TYPE);
            name(N_COLUMN);
            name(N_NAME).packString(c.name());
            if (c.source() != null) {
                name(N_SOURCE).packString(c.source());
            }
        } else if (e instanceof Expr.Binary b) {
            p.packMapHeader(4);
            name(N_TYPE);
            name(N_BINARY);
            name(N_OP);
            name(ARITHMETIC[b.operator().ordinal()]);
            name(N_LEFT);
            expr(b.left());
            name(N_RIGHT);
            expr(b.right());
        } else if (e instanceof Expr.Outer o) {
            p.packMapHeader(o.source() == null ? 2 : 3);
            name(N_TYPE);
            name(N_OUTER);
            name(N_NAME).packString(o.name());
            if (o.source() != null) {
                name(N_SOURCE).packString(o.source());
            }
        } else if (e instanceof Expr.Case c) {
            p.packMapHeader(c.otherwise() == null ? 2 : 3);
            name(N_TYPE);
            name(N_CASE);
            name(N_WHENS).packArrayHeader(c.whens().size());
            for (Expr.When w : c.whens()) {
                p.packMapHeader(2);
                name(N_WHEN);
                filter(w.condition());
                name(N_THEN);
                expr(w.value());
            }
            if (c.otherwise() != null) {
                name(N_ELSE);
                expr(c.otherwise());
            }
        } else if (e instanceof Expr.Call call) {
            p.packMapHeader(call.args().isEmpty() ? 2 : 3);
            name(N_TYPE);
            name(N_CALL);
            name(N_FUNCTION).packString(call.function().wireName());
            if (!call.args().isEmpty()) {
                name(N_ARGS).packArrayHeader(call.args().size());
                for (Expr a : call.args()) {
                    expr(a);
                }
            }
        } else if (e instanceof Expr.Window w) {
            p.packMapHeader(2 + (w.args().isEmpty() ? 0 : 1) + (w.offset() == null ? 0 : 1)
                    + (w.partitionBy().isEmpty() ? 0 : 1) + (w.orderBy().isEmpty() ? 0 : 1));
            name(N_TYPE);
            name(N_WINDOW);
            name(N_FUNCTION).packString(w.function().wireName());
            if (!w.args().isEmpty()) {
                name(N_ARGS).packArrayHeader(w.args().size());
                for (Expr a : w.args()) {
                    expr(a);
                }
            }
            if (w.offset() != null) {
                name(N_OFFSET).packInt(w.offset());
            }
            if (!w.partitionBy().isEmpty()) {
                name(N_PARTITION_BY).packArrayHeader(w.partitionBy().size());
                for (Expr a : w.partitionBy()) {
                    expr(a);
                }
            }
            if (!w.orderBy().isEmpty()) {
                name(N_ORDER_BY).packArrayHeader(w.orderBy().size());
                for (OrderBy o : w.orderBy()) {
                    orderTerm(o);
                }
            }
        } else if (e instanceof Expr.Subquery sq) {
            p.packMapHeader(2);
            name(N_TYPE);
            name(N_SUBQUERY);
            name(N_QUERY);
            select(sq.query());
        } else {
            p.packMapHeader(2);
            name(N_TYPE);
            name(N_NEG);
            name(N_OPERAND);
            expr(((Expr.Negate) e).operand());
        }
    }

    private void values(List<Value> row) throws IOException {
        p.packArrayHeader(row.size());
        for (int i = 0; i < row.size(); i++) {
            value(row.get(i));
        }
    }

    /** A value position: arrays stay structural, every scalar becomes the next slot. */
    private void value(Value v) throws IOException {
        if (v instanceof Value.Array a) {
            values(a.elements());
            return;
        }
        valueCodec.writeParam(p, slots++, v.kind());
        if (values != null) {
            values.add(v);
        }
    }

    private void columnRefs(List<ColumnRef> refs) throws IOException {
        p.packArrayHeader(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            columnRef(refs.get(i));
        }
    }

    private void columnRef(ColumnRef ref) throws IOException {
        if (ref.source() == null) {
            p.packString(ref.column());
        } else {
            p.packArrayHeader(2).packString(ref.source()).packString(ref.column());
        }
    }

    private void strings(List<String> names) throws IOException {
        p.packArrayHeader(names.size());
        for (int i = 0; i < names.size(); i++) {
            p.packString(names.get(i));
        }
    }
}
