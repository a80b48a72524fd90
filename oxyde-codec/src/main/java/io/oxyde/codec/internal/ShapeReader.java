package io.oxyde.codec.internal;

import static io.oxyde.codec.internal.WireFormat.*;

import io.oxyde.codec.Aggregate;
import io.oxyde.codec.AggregateFunction;
import io.oxyde.codec.Assignment;
import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.BulkUpdateRow;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.DeleteIr;
import io.oxyde.codec.Direction;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Operation;
import io.oxyde.exception.ProtocolException;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.UpdateIr;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.value.ValueType;

/**
 * Reads a shape (see {@link ShapeWriter}) back into a query, checking structure as it goes:
 * map and key types, required and duplicate keys, known names for every enum, nesting depth,
 * and that parameter slots are numbered 0, 1, 2, … in slot order. With {@code values} it
 * fills each slot from them (checking the kind); without, it returns the template.
 * Semantic rules are left to {@link IrValidator}, which runs on the result.
 */
final class ShapeReader {

    /** Longest map key or enum name read, in bytes. */
    private static final int MAX_NAME_BYTES = 64;
    private static final int MAX_IDENTIFIER_BYTES = MAX_IDENTIFIER_CHARS * 4;

    private final WireReader r;
    private final Path path;
    private final List<Value> values;
    private int slots;

    public ShapeReader(WireReader r, List<Value> values) {
        this.r = r;
        this.path = r.path();
        this.values = values;
    }

    /** The number of slots read. */
    public int slots() {
        return slots;
    }

    /** Reads a whole query. */
    public QueryIr query() throws IOException {
        int n = r.mapHeader();
        String type = type(n);
        Operation op = Operation.fromWireName(type);
        if (op == null) {
            throw typeError("unknown operation \"" + type + "\"");
        }
        return switch (op) {
            case SELECT -> select(n);
            case INSERT -> insert(n);
            case UPDATE -> update(n);
            case BULK_UPDATE -> bulkUpdate(n);
            case DELETE -> delete(n);
            case RAW -> raw(n);
        };
    }

    /** Reads the mandatory first entry {@code "type": name} of a typed map with {@code n} entries. */
    private String type(int n) throws IOException {
        if (n == 0) {
            throw r.fail("missing required key \"type\"");
        }
        String key = r.string(MAX_NAME_BYTES);
        if (!K_TYPE.equals(key)) {
            throw r.fail("the first key must be \"type\", found \"" + key + "\"");
        }
        path.key(K_TYPE);
        String type = r.string(MAX_NAME_BYTES);
        path.pop();
        return type;
    }

    private ProtocolException typeError(String problem) {
        path.key(K_TYPE);
        ProtocolException e = r.fail(problem);
        path.pop();
        return e;
    }

    /** Reads the next map key, which must be a string. */
    private String key() throws IOException {
        if (r.peek() != ValueType.STRING) {
            throw r.fail("map keys must be strings, found " + WireReader.describe(r.peek()));
        }
        return r.string(MAX_NAME_BYTES);
    }

    private long once(long seen, int bit, String key) {
        long mask = 1L << bit;
        if ((seen & mask) != 0) {
            throw r.fail("duplicate key \"" + key + "\"");
        }
        return seen | mask;
    }

    private ProtocolException unknownKey(String key) {
        return r.fail("unknown key \"" + key + "\"");
    }

    /** {@code value}, which the map must have had under {@code key}. */
    private <T> T required(T value, String key) {
        if (value == null) {
            throw missing(key);
        }
        return value;
    }

    private ProtocolException missing(String key) {
        return r.fail("missing required key \"" + key + "\"");
    }

    String identifier() throws IOException {
        return r.string(MAX_IDENTIFIER_BYTES);
    }

    private String name() throws IOException {
        return r.string(MAX_NAME_BYTES);
    }

    private <E> E enumValue(E e, String kind, String name) {
        if (e == null) {
            throw r.fail("unknown " + kind + " \"" + name + "\"");
        }
        return e;
    }

    // ------------------------------------------------------------------ table-driven maps

    /**
     * Reads the entries of a map of {@code n} entries by its descriptor (after its type, for a
     * typed map): unknown and duplicate keys refused, missing required keys reported in field
     * order, absent optional keys given their absent value.
     */
    RecordShape.Entries fields(RecordShape<?> shape, int n) throws IOException {
        Object[] out = new Object[shape.size()];
        long seen = 0;
        for (int i = shape.type() == null ? 0 : 1; i < n; i++) {
            String key = key();
            int f = shape.indexOf(key);
            if (f < 0) {
                throw unknownKey(key);
            }
            path.key(key);
            seen = once(seen, f, key);
            out[f] = shape.field(f).get().read(this);
            path.pop();
        }
        for (int f = 0; f < out.length; f++) {
            if ((seen & (1L << f)) == 0) {
                ShapeField<?> field = shape.field(f);
                if (field.required()) {
                    throw missing(field.key());
                }
                out[f] = field.absent();
            }
        }
        return new RecordShape.Entries(out);
    }

    /** Reads an untyped map by its descriptor and builds its record. */
    <R> R read(RecordShape<R> shape) throws IOException {
        return shape.build(fields(shape, r.mapHeader()));
    }

    /** Reads an array, each element at its index by {@code item}. */
    <T> List<T> list(ShapeField.Get item) throws IOException {
        int n = r.arrayHeader();
        List<T> out = new ArrayList<>(Math.min(n, 64));
        path.index(0);
        for (int i = 0; i < n; i++) {
            path.setIndex(i);
            @SuppressWarnings("unchecked")
            T t = (T) item.read(this);
            out.add(t);
        }
        path.pop();
        return out;
    }

    /** An enum constant by wire name, refused as an unknown {@code kind}. */
    Object enumName(java.util.function.Function<String, ?> fromWireName, String kind) throws IOException {
        String s = name();
        return enumValue(fromWireName.apply(s), kind, s);
    }

    boolean bool() throws IOException {
        return r.bool();
    }

    long int64() throws IOException {
        return r.int64();
    }

    String sql() throws IOException {
        return r.string(MAX_SQL_BYTES);
    }

    /** A window offset, between 0 and {@link Integer#MAX_VALUE}. */
    Integer windowOffset() throws IOException {
        long o = r.int64();
        if (o < 0 || o > Integer.MAX_VALUE) {
            throw r.fail("a window offset must be between 0 and " + Integer.MAX_VALUE + ", found " + o);
        }
        return (int) o;
    }

    /** An assignment: {@code [column, expression]}. */
    Assignment assignment() throws IOException {
        Object[] parts = pair("an assignment must be [column, expression]", ShapeReader::identifier, ShapeReader::expr);
        return new Assignment((String) parts[0], (Expr) parts[1]);
    }

    /** A two-element array {@code [first, second]}, each read at its index of the path; refused as {@code problem} otherwise. */
    private Object[] pair(String problem, ShapeField.Get first, ShapeField.Get second) throws IOException {
        if (r.arrayHeader() != 2) {
            throw r.fail(problem);
        }
        path.index(0);
        Object a = first.read(this);
        path.setIndex(1);
        Object b = second.read(this);
        path.pop();
        return new Object[] {a, b};
    }

    /** A bulk update row: {@code [key, [values]]}. */
    BulkUpdateRow bulkRow() throws IOException {
        if (r.arrayHeader() != 2) {
            throw r.fail("a bulk update row must be [key, [values]]");
        }
        path.index(0);
        Value keyValue = value();
        path.setIndex(1);
        List<Value> rowValues = values();
        path.pop();
        return new BulkUpdateRow(keyValue, rowValues);
    }

    // ------------------------------------------------------------------ select

    private SelectIr select(int n) throws IOException {
        return IrShapes.SELECT.build(fields(IrShapes.SELECT, n));
    }

    List<OrderBy> orderBy() throws IOException {
        return list(in -> in.orderTerm());
    }

    /** An order term: {@code [column or expression or nil, direction]} plus an optional kind tag. */
    private OrderBy orderTerm() throws IOException {
        int terms = r.arrayHeader();
        if (terms != 2 && terms != 3) {
            throw r.fail("an order_by term must be [column, direction] or [column, direction, kind]");
        }
        path.index(0);
        Expr expr = r.peek() == ValueType.MAP ? expr() : null;
        ColumnRef column = expr != null || r.tryNil() ? null : columnRef();
        path.setIndex(1);
        String d = name();
        Direction direction = enumValue(Direction.fromWireName(d), "direction", d);
        ValueKind kind = null;
        if (terms == 3) {
            path.setIndex(2);
            long tag = r.int64();
            kind = ValueKind.fromTag(tag);
            if (kind == null || kind == ValueKind.NULL || kind == ValueKind.ARRAY) {
                throw r.fail("an order_by kind must be a scalar value kind tag, found " + tag);
            }
        }
        path.pop();
        if (expr != null) {
            if (direction == Direction.RANDOM) {
                throw r.fail("direction \"random\" takes no expression");
            }
            return OrderBy.of(expr, direction);
        }
        if (column == null && direction != Direction.RANDOM) {
            throw r.fail("direction \"" + d + "\" needs a column");
        }
        return new OrderBy(column, direction, kind);
    }

    /** Aggregates, each checked to have a column unless it is a count. */
    List<Aggregate> aggregates() throws IOException {
        return list(in -> in.aggregate());
    }

    private Aggregate aggregate() throws IOException {
        RecordShape.Entries v = fields(IrShapes.AGGREGATE, r.mapHeader());
        AggregateFunction function = v.get(0);
        if (v.get(1) == null && function != AggregateFunction.COUNT) {
            throw r.fail(function.wireName() + " needs a column");
        }
        return IrShapes.AGGREGATE.build(v);
    }

    /** A select nested in another node (a union part, a subquery), one level deeper. */
    SelectIr nestedSelect(String what) throws IOException {
        r.enter();
        int qn = r.mapHeader();
        String type = type(qn);
        if (!"select".equals(type)) {
            throw typeError(what + " must be a select, found \"" + type + "\"");
        }
        SelectIr query = select(qn);
        r.leave();
        return query;
    }

    // ------------------------------------------------------------------ filters

    FilterNode filter() throws IOException {
        r.enter();
        int n = r.mapHeader();
        String type = type(n);
        RecordShape<? extends FilterNode> shape = switch (type) {
            case T_CONDITION -> IrShapes.CONDITION;
            case T_AND -> IrShapes.AND;
            case T_OR -> IrShapes.OR;
            case T_NOT -> IrShapes.NOT;
            case T_IN_SELECT -> IrShapes.IN_SELECT;
            case T_COMPARE -> IrShapes.COMPARE;
            case T_EXISTS -> IrShapes.EXISTS;
            case T_TEST -> IrShapes.TEST;
            default -> throw typeError("unknown filter node type \"" + type + "\"");
        };
        FilterNode node = shape.build(fields(shape, n));
        r.leave();
        return node;
    }

    // ------------------------------------------------------------------ mutations

    private InsertIr insert(int n) throws IOException {
        RecordShape.Entries v = fields(IrShapes.INSERT, n);
        List<String> columns = v.get(2);
        List<List<Value>> rows = v.get(3);
        checkRows(rows.size(), columns.size(), i -> rows.get(i).size());
        return IrShapes.INSERT.build(v);
    }

    private interface RowLength {
        int of(int row);
    }

    private void checkRows(int count, int columns, RowLength length) {
        for (int i = 0; i < count; i++) {
            int len = length.of(i);
            if (len != columns) {
                path.key(K_ROWS).index(i);
                throw r.fail("row has " + len + " values for " + columns + " columns");
            }
        }
    }

    private UpdateIr update(int n) throws IOException {
        return IrShapes.UPDATE.build(fields(IrShapes.UPDATE, n));
    }

    private BulkUpdateIr bulkUpdate(int n) throws IOException {
        RecordShape.Entries v = fields(IrShapes.BULK_UPDATE, n);
        List<String> columns = v.get(3);
        List<BulkUpdateRow> rows = v.get(4);
        checkRows(rows.size(), columns.size(), i -> rows.get(i).values().size());
        return IrShapes.BULK_UPDATE.build(v);
    }

    private DeleteIr delete(int n) throws IOException {
        return IrShapes.DELETE.build(fields(IrShapes.DELETE, n));
    }

    private RawIr raw(int n) throws IOException {
        return IrShapes.RAW.build(fields(IrShapes.RAW, n));
    }

    // ------------------------------------------------------------------ expressions

    Expr expr() throws IOException {
        r.enter();
        int n = r.mapHeader();
        String type = type(n);
        RecordShape<? extends Expr> shape = switch (type) {
            case T_VALUE -> IrShapes.LITERAL;
            case T_COLUMN -> IrShapes.COLUMN;
            case T_OUTER -> IrShapes.OUTER;
            case T_SUBQUERY -> IrShapes.SUBQUERY;
            case T_CASE -> IrShapes.CASE;
            case T_CALL -> IrShapes.CALL;
            case T_WINDOW -> IrShapes.WINDOW;
            case T_BINARY -> IrShapes.BINARY;
            case T_NEG -> IrShapes.NEGATE;
            default -> throw typeError("unknown expression type \"" + type + "\"");
        };
        RecordShape.Entries v = fields(shape, n);
        if (shape == IrShapes.CASE && v.<List<?>>get(0).isEmpty()) {
            path.key(K_WHENS);
            ProtocolException e = r.fail("a case needs at least one when");
            path.pop();
            throw e;
        }
        Expr result = shape.build(v);
        r.leave();
        return result;
    }

    // ------------------------------------------------------------------ leaves

    List<Value> values() throws IOException {
        return list(in -> in.value());
    }

    /** A value position: a parameter slot, or an array (structural) of value positions. */
    Value value() throws IOException {
        ValueType type = r.peek();
        if (type == ValueType.ARRAY) {
            r.enter();
            Value.Array array = new Value.Array(values());
            r.leave();
            return array;
        }
        if (type != ValueType.EXTENSION) {
            throw r.fail("expected a parameter slot (ext " + EXT_PARAM + ") or an array but found "
                    + WireReader.describe(type));
        }
        ExtensionTypeHeader h = r.extensionHeader();
        if (h.getType() != EXT_PARAM || h.getLength() != 4) {
            throw r.fail("expected a parameter slot (ext " + EXT_PARAM + ", 4 bytes) but found ext "
                    + h.getType() + " of " + h.getLength() + " bytes");
        }
        int at = r.payload(4);
        int index = (int) r.bigEndian(at, 3);
        int tag = r.input()[at + 3] & 0xFF;
        ValueKind kind = ValueKind.fromTag(tag);
        if (kind == null || kind == ValueKind.ARRAY) {
            throw r.fail("unknown parameter kind tag " + tag);
        }
        if (index != slots) {
            throw r.fail("parameter slot " + index + " out of order (expected slot " + slots + ")");
        }
        if (slots >= MAX_VALUES) {
            throw r.fail("more than " + MAX_VALUES + " parameter slots");
        }
        slots++;
        if (values == null) {
            return new Value.Param(index, kind);
        }
        if (index >= values.size()) {
            throw r.fail("slot " + index + " has no value (" + values.size() + " values given)");
        }
        Value v = values.get(index);
        if (v.kind() != kind) {
            throw r.fail("slot " + index + " expects " + kind + " but values[" + index + "] is " + v.kind());
        }
        return v;
    }

    List<ColumnRef> columnRefs() throws IOException {
        return list(in -> in.columnRef());
    }

    /** A column: {@code "name"} or {@code [source, "name"]}. */
    ColumnRef columnRef() throws IOException {
        ValueType type = r.peek();
        if (type == ValueType.STRING) {
            return new ColumnRef(null, identifier());
        }
        if (type != ValueType.ARRAY) {
            throw r.fail("expected a column (a string or [source, column]) but found " + WireReader.describe(type));
        }
        if (r.arrayHeader() != 2) {
            throw r.fail("a qualified column must be [source, column]");
        }
        path.index(0);
        String source = identifier();
        path.setIndex(1);
        String column = identifier();
        path.pop();
        return new ColumnRef(source, column);
    }

    /** A further join column pair: {@code [left column, right id]}. */
    io.oxyde.codec.JoinPair joinPair() throws IOException {
        Object[] parts = pair("a join and_on pair must be [left column, right column]", ShapeReader::columnRef,
                ShapeReader::identifier);
        return new io.oxyde.codec.JoinPair((ColumnRef) parts[0], (String) parts[1]);
    }

    List<String> strings() throws IOException {
        return list(in -> in.identifier());
    }
}
