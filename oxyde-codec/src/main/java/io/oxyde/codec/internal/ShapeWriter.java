package io.oxyde.codec.internal;

import static io.oxyde.codec.internal.WireFormat.*;

import io.oxyde.codec.Aggregate;
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
public final class ShapeWriter {

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

    private void header(String type, String table, String model, int optionalEntries) throws IOException {
        p.packMapHeader(2 + (model != null ? 1 : 0) + optionalEntries);
        p.packString(K_TYPE).packString(type);
        p.packString(K_TABLE).packString(table);
        if (model != null) {
            p.packString(K_MODEL).packString(model);
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
                + present(s.setOperations()) + (s.mode() != SelectMode.ROWS ? 1 : 0);
        header("select", s.table(), s.model(), n);
        if (!s.columns().isEmpty()) {
            p.packString(K_COLUMNS);
            columnRefs(s.columns());
        }
        if (s.distinct()) {
            p.packString(K_DISTINCT).packBoolean(true);
        }
        if (s.filter() != null) {
            p.packString(K_FILTER);
            filter(s.filter());
        }
        if (!s.joins().isEmpty()) {
            p.packString(K_JOINS).packArrayHeader(s.joins().size());
            for (Join j : s.joins()) {
                join(j);
            }
        }
        if (!s.orderBy().isEmpty()) {
            p.packString(K_ORDER_BY).packArrayHeader(s.orderBy().size());
            for (OrderBy o : s.orderBy()) {
                p.packArrayHeader(2);
                if (o.column() == null) {
                    p.packNil();
                } else {
                    columnRef(o.column());
                }
                p.packString(o.direction().wireName());
            }
        }
        if (s.limit() != null) {
            p.packString(K_LIMIT).packLong(s.limit());
        }
        if (s.offset() != null) {
            p.packString(K_OFFSET).packLong(s.offset());
        }
        if (!s.aggregates().isEmpty()) {
            p.packString(K_AGGREGATES).packArrayHeader(s.aggregates().size());
            for (Aggregate a : s.aggregates()) {
                aggregate(a);
            }
        }
        if (!s.groupBy().isEmpty()) {
            p.packString(K_GROUP_BY);
            columnRefs(s.groupBy());
        }
        if (s.having() != null) {
            p.packString(K_HAVING);
            filter(s.having());
        }
        if (s.lock() != null) {
            p.packString(K_LOCK).packString(s.lock().wireName());
        }
        if (!s.setOperations().isEmpty()) {
            p.packString(K_UNION).packArrayHeader(s.setOperations().size());
            for (SetOperation op : s.setOperations()) {
                p.packMapHeader(2);
                p.packString(K_OP).packString(op.operator().wireName());
                p.packString(K_QUERY);
                select(op.query());
            }
        }
        if (s.mode() != SelectMode.ROWS) {
            p.packString(K_MODE).packString(s.mode().wireName());
        }
    }

    private void join(Join j) throws IOException {
        p.packMapHeader(5 + present(j.columns()));
        p.packString(K_ALIAS).packString(j.alias());
        p.packString(K_TABLE).packString(j.table());
        p.packString(K_KIND).packString(j.kind().wireName());
        p.packString(K_LEFT);
        columnRef(j.left());
        p.packString(K_RIGHT).packString(j.rightColumn());
        if (!j.columns().isEmpty()) {
            p.packString(K_COLUMNS);
            strings(j.columns());
        }
    }

    private void aggregate(Aggregate a) throws IOException {
        p.packMapHeader(2 + present(a.column()) + (a.distinct() ? 1 : 0));
        p.packString(K_FUNCTION).packString(a.function().wireName());
        if (a.column() != null) {
            p.packString(K_COLUMN);
            columnRef(a.column());
        }
        if (a.distinct()) {
            p.packString(K_DISTINCT).packBoolean(true);
        }
        p.packString(K_ALIAS).packString(a.alias());
    }

    private void insert(InsertIr i) throws IOException {
        header("insert", i.table(), i.model(), 2 + present(i.returning()) + present(i.onConflict()));
        p.packString(K_COLUMNS);
        strings(i.columns());
        p.packString(K_ROWS).packArrayHeader(i.rows().size());
        for (List<Value> row : i.rows()) {
            values(row);
        }
        if (!i.returning().isEmpty()) {
            p.packString(K_RETURNING);
            strings(i.returning());
        }
        if (i.onConflict() != null) {
            OnConflict oc = i.onConflict();
            p.packString(K_ON_CONFLICT).packMapHeader(1 + present(oc.target()) + present(oc.updateColumns()));
            p.packString(K_ACTION).packString(oc.action().wireName());
            if (!oc.target().isEmpty()) {
                p.packString(K_TARGET);
                strings(oc.target());
            }
            if (!oc.updateColumns().isEmpty()) {
                p.packString(K_UPDATE);
                strings(oc.updateColumns());
            }
        }
    }

    private void update(UpdateIr u) throws IOException {
        header("update", u.table(), u.model(), 1 + present(u.filter()) + present(u.returning()));
        p.packString(K_SET).packArrayHeader(u.assignments().size());
        for (Assignment a : u.assignments()) {
            p.packArrayHeader(2).packString(a.column());
            expr(a.value());
        }
        if (u.filter() != null) {
            p.packString(K_FILTER);
            filter(u.filter());
        }
        if (!u.returning().isEmpty()) {
            p.packString(K_RETURNING);
            strings(u.returning());
        }
    }

    private void bulkUpdate(BulkUpdateIr b) throws IOException {
        header("bulk_update", b.table(), b.model(), 3);
        p.packString(K_KEY).packString(b.keyColumn());
        p.packString(K_COLUMNS);
        strings(b.columns());
        p.packString(K_ROWS).packArrayHeader(b.rows().size());
        for (BulkUpdateRow row : b.rows()) {
            p.packArrayHeader(2);
            value(row.key());
            values(row.values());
        }
    }

    private void delete(DeleteIr d) throws IOException {
        header("delete", d.table(), d.model(), present(d.filter()) + present(d.returning()));
        if (d.filter() != null) {
            p.packString(K_FILTER);
            filter(d.filter());
        }
        if (!d.returning().isEmpty()) {
            p.packString(K_RETURNING);
            strings(d.returning());
        }
    }

    private void raw(RawIr r) throws IOException {
        p.packMapHeader(3);
        p.packString(K_TYPE).packString("raw");
        p.packString(K_SQL).packString(r.sql());
        p.packString(K_PARAMS);
        values(r.params());
    }

    private void filter(FilterNode node) throws IOException {
        if (node instanceof FilterNode.Condition c) {
            p.packMapHeader(4);
            p.packString(K_TYPE).packString(T_CONDITION);
            p.packString(K_FIELD);
            columnRef(c.field());
            p.packString(K_OP).packString(c.lookup().wireName());
            p.packString(K_VALUE);
            value(c.value());
        } else if (node instanceof FilterNode.And and) {
            children(T_AND, and.children());
        } else if (node instanceof FilterNode.Or or) {
            children(T_OR, or.children());
        } else {
            p.packMapHeader(2);
            p.packString(K_TYPE).packString(T_NOT);
            p.packString(K_CHILD);
            filter(((FilterNode.Not) node).child());
        }
    }

    private void children(String type, List<FilterNode> children) throws IOException {
        p.packMapHeader(2);
        p.packString(K_TYPE).packString(type);
        p.packString(K_CHILDREN).packArrayHeader(children.size());
        for (int i = 0; i < children.size(); i++) {
            filter(children.get(i));
        }
    }

    private void expr(Expr e) throws IOException {
        if (e instanceof Expr.Literal l) {
            p.packMapHeader(2);
            p.packString(K_TYPE).packString(T_VALUE);
            p.packString(K_VALUE);
            value(l.value());
        } else if (e instanceof Expr.Column c) {
            p.packMapHeader(2);
            p.packString(K_TYPE).packString(T_COLUMN);
            p.packString(K_NAME).packString(c.name());
        } else if (e instanceof Expr.Binary b) {
            p.packMapHeader(4);
            p.packString(K_TYPE).packString(T_BINARY);
            p.packString(K_OP).packString(b.operator().wireName());
            p.packString(K_LEFT);
            expr(b.left());
            p.packString(K_RIGHT);
            expr(b.right());
        } else {
            p.packMapHeader(2);
            p.packString(K_TYPE).packString(T_NEG);
            p.packString(K_OPERAND);
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
