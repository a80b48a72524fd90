package io.oxyde.codec.internal;

import static io.oxyde.codec.internal.WireFormat.K_TYPE;

import io.oxyde.codec.Assignment;
import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.BulkUpdateRow;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.DeleteIr;
import io.oxyde.codec.Direction;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.UpdateIr;
import io.oxyde.codec.Value;
import io.oxyde.codec.internal.ShapeField.Out;
import java.io.IOException;
import java.util.List;
import org.msgpack.core.MessagePacker;

/**
 * Writes the shape of a query: its template as MessagePack maps with short keys, every scalar
 * value written as a parameter slot numbered in {@link io.oxyde.codec.IrTemplate}'s slot
 * order. Works straight from the query (no template records are built); the scalar values are
 * appended to {@code values} in slot order when it is given. Every map is written from its
 * descriptor in {@link IrShapes} by {@link #write(RecordShape, Object)}.
 */
final class ShapeWriter {

    private static final byte[] N_TYPE = EncodedNames.of(K_TYPE);
    private static final byte[][] DIRECTIONS = names(Direction.values());

    private final MessagePacker p;
    private final List<Value> values;
    private final ValueCodec valueCodec;
    private int slots;

    ShapeWriter(MessagePacker p, List<Value> values, ValueCodec valueCodec) {
        this.p = p;
        this.values = values;
        this.valueCodec = valueCodec;
    }

    /** Writes a whole query. */
    void write(QueryIr ir) throws IOException {
        if (ir instanceof SelectIr s) {
            select(s);
        } else if (ir instanceof InsertIr i) {
            write(IrShapes.INSERT, i);
        } else if (ir instanceof UpdateIr u) {
            write(IrShapes.UPDATE, u);
        } else if (ir instanceof BulkUpdateIr b) {
            write(IrShapes.BULK_UPDATE, b);
        } else if (ir instanceof DeleteIr d) {
            write(IrShapes.DELETE, d);
        } else {
            write(IrShapes.RAW, (RawIr) ir);
        }
    }

    private static byte[][] names(Direction[] constants) {
        byte[][] out = new byte[constants.length][];
        for (Direction d : constants) {
            out[d.ordinal()] = EncodedNames.of(d.wireName());
        }
        return out;
    }

    /** Writes {@code record} as a map of the keys its descriptor says are present, in order. */
    <R> void write(RecordShape<R> shape, R record) throws IOException {
        int entries = shape.type() == null ? 0 : 1;
        for (int i = 0; i < shape.size(); i++) {
            if (shape.field(i).present().test(record)) {
                entries++;
            }
        }
        p.packMapHeader(entries);
        if (shape.type() != null) {
            name(N_TYPE);
            name(shape.type());
        }
        for (int i = 0; i < shape.size(); i++) {
            ShapeField<R> field = shape.field(i);
            if (field.present().test(record)) {
                name(field.encodedKey());
                field.put().write(this, record);
            }
        }
    }

    /** Writes a pre-encoded name. */
    void name(byte[] encoded) throws IOException {
        p.writePayload(encoded);
    }

    void string(String s) throws IOException {
        p.packString(s);
    }

    void bool(boolean b) throws IOException {
        p.packBoolean(b);
    }

    void int64(Long n) throws IOException {
        p.packLong(n);
    }

    void int32(Integer n) throws IOException {
        p.packInt(n);
    }

    /** Writes an array of {@code items}, each by {@code item}. */
    <T> void list(List<T> items, Out<T> item) throws IOException {
        p.packArrayHeader(items.size());
        for (int i = 0; i < items.size(); i++) {
            item.write(this, items.get(i));
        }
    }

    void select(SelectIr s) throws IOException {
        write(IrShapes.SELECT, s);
    }

    void filter(FilterNode node) throws IOException {
        if (node instanceof FilterNode.Condition c) {
            write(IrShapes.CONDITION, c);
        } else if (node instanceof FilterNode.And and) {
            write(IrShapes.AND, and);
        } else if (node instanceof FilterNode.Or or) {
            write(IrShapes.OR, or);
        } else if (node instanceof FilterNode.Compare c) {
            write(IrShapes.COMPARE, c);
        } else if (node instanceof FilterNode.InSelect in) {
            write(IrShapes.IN_SELECT, in);
        } else if (node instanceof FilterNode.Exists ex) {
            write(IrShapes.EXISTS, ex);
        } else if (node instanceof FilterNode.Test t) {
            write(IrShapes.TEST, t);
        } else {
            write(IrShapes.NOT, (FilterNode.Not) node);
        }
    }

    void expr(Expr e) throws IOException {
        if (e instanceof Expr.Literal l) {
            write(IrShapes.LITERAL, l);
        } else if (e instanceof Expr.Column c) {
            write(IrShapes.COLUMN, c);
        } else if (e instanceof Expr.Binary b) {
            write(IrShapes.BINARY, b);
        } else if (e instanceof Expr.Outer o) {
            write(IrShapes.OUTER, o);
        } else if (e instanceof Expr.Case c) {
            write(IrShapes.CASE, c);
        } else if (e instanceof Expr.Call call) {
            write(IrShapes.CALL, call);
        } else if (e instanceof Expr.Window w) {
            write(IrShapes.WINDOW, w);
        } else if (e instanceof Expr.Subquery sq) {
            write(IrShapes.SUBQUERY, sq);
        } else {
            write(IrShapes.NEGATE, (Expr.Negate) e);
        }
    }

    /** An order term: {@code [column or expression or nil, direction]} plus the kind tag when known. */
    void orderTerm(OrderBy o) throws IOException {
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

    /** An assignment: {@code [column, expression]}. */
    void assignment(Assignment a) throws IOException {
        p.packArrayHeader(2).packString(a.column());
        expr(a.value());
    }

    /** A bulk update row: {@code [key, [values]]}. */
    void bulkRow(BulkUpdateRow row) throws IOException {
        p.packArrayHeader(2);
        value(row.key());
        values(row.values());
    }

    void values(List<Value> row) throws IOException {
        list(row, ShapeWriter::value);
    }

    /** A value position: arrays stay structural, every scalar becomes the next slot. */
    void value(Value v) throws IOException {
        if (v instanceof Value.Array a) {
            values(a.elements());
            return;
        }
        valueCodec.writeParam(p, slots++, v.kind());
        if (values != null) {
            values.add(v);
        }
    }

    void columnRefs(List<ColumnRef> refs) throws IOException {
        list(refs, ShapeWriter::columnRef);
    }

    /** A column: {@code "name"} or {@code [source, "name"]}. */
    void columnRef(ColumnRef ref) throws IOException {
        if (ref.source() == null) {
            p.packString(ref.column());
        } else {
            p.packArrayHeader(2).packString(ref.source()).packString(ref.column());
        }
    }

    /** A further join column pair: {@code [left column, right id]}. */
    void joinPair(io.oxyde.codec.JoinPair pair) throws IOException {
        p.packArrayHeader(2);
        columnRef(pair.left());
        p.packString(pair.rightColumn());
    }

    void strings(List<String> names) throws IOException {
        list(names, ShapeWriter::string);
    }
}
