package io.oxyde.codec.internal;

import static io.oxyde.codec.internal.WireFormat.*;

import io.oxyde.codec.Aggregate;
import io.oxyde.codec.AggregateFunction;
import io.oxyde.codec.ArithmeticOperator;
import io.oxyde.codec.Assignment;
import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.BulkUpdateRow;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.ConflictAction;
import io.oxyde.codec.DeleteIr;
import io.oxyde.codec.Direction;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Join;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.LockMode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OnConflict;
import io.oxyde.codec.Operation;
import io.oxyde.exception.ProtocolException;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.QueryIr;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SelectMode;
import io.oxyde.codec.SetOperation;
import io.oxyde.codec.SetOperator;
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
        switch (op) {
            case SELECT: return select(n);
            case INSERT: return insert(n);
            case UPDATE: return update(n);
            case BULK_UPDATE: return bulkUpdate(n);
            case DELETE: return delete(n);
            default: return raw(n);
        }
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
        if (r.arrayHeader() != 2) {
            throw r.fail("an assignment must be [column, expression]");
        }
        path.index(0);
        String column = identifier();
        path.setIndex(1);
        Expr value = expr();
        path.pop();
        return new Assignment(column, value);
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
        String table = null;
        String model = null;
        List<ColumnRef> columns = List.of();
        boolean distinct = false;
        FilterNode filter = null;
        List<Join> joins = List.of();
        List<OrderBy> orderBy = List.of();
        Long limit = null;
        Long offset = null;
        List<Aggregate> aggregates = List.of();
        List<ColumnRef> groupBy = List.of();
        FilterNode having = null;
        LockMode lock = null;
        List<SetOperation> union = List.of();
        SelectMode mode = SelectMode.ROWS;
        List<io.oxyde.codec.Annotation> annotations = List.of();
        List<ColumnRef> distinctOn = List.of();
        List<String> lockOf = List.of();
        long seen = 0;
        for (int i = 1; i < n; i++) {
            String key = key();
            path.key(key);
            switch (key) {
                case K_TABLE: seen = once(seen, 0, key); table = identifier(); break;
                case K_MODEL: seen = once(seen, 1, key); model = identifier(); break;
                case K_COLUMNS: seen = once(seen, 2, key); columns = columnRefs(); break;
                case K_DISTINCT: seen = once(seen, 3, key); distinct = r.bool(); break;
                case K_FILTER: seen = once(seen, 4, key); filter = filter(); break;
                case K_JOINS: seen = once(seen, 5, key); joins = joins(); break;
                case K_ORDER_BY: seen = once(seen, 6, key); orderBy = orderBy(); break;
                case K_LIMIT: seen = once(seen, 7, key); limit = r.int64(); break;
                case K_OFFSET: seen = once(seen, 8, key); offset = r.int64(); break;
                case K_AGGREGATES: seen = once(seen, 9, key); aggregates = aggregates(); break;
                case K_GROUP_BY: seen = once(seen, 10, key); groupBy = columnRefs(); break;
                case K_HAVING: seen = once(seen, 11, key); having = filter(); break;
                case K_LOCK: {
                    seen = once(seen, 12, key);
                    String s = name();
                    lock = enumValue(LockMode.fromWireName(s), "lock mode", s);
                    break;
                }
                case K_UNION: seen = once(seen, 13, key); union = union(); break;
                case K_MODE: {
                    seen = once(seen, 14, key);
                    String s = name();
                    mode = enumValue(SelectMode.fromWireName(s), "select mode", s);
                    break;
                }
                case K_ANNOTATIONS: seen = once(seen, 15, key); annotations = annotations(); break;
                case K_DISTINCT_ON: seen = once(seen, 16, key); distinctOn = columnRefs(); break;
                case K_LOCK_OF: seen = once(seen, 17, key); lockOf = strings(); break;
                default:
                    path.pop();
                    throw unknownKey(key);
            }
            path.pop();
        }
        if (table == null) {
            throw missing(K_TABLE);
        }
        return new SelectIr(model, table, columns, distinct, filter, joins, orderBy, limit, offset,
                aggregates, groupBy, having, lock, union, mode, annotations, distinctOn, lockOf);
    }

    private List<io.oxyde.codec.Annotation> annotations() throws IOException {
        int n = r.arrayHeader();
        List<io.oxyde.codec.Annotation> out = new ArrayList<>(n);
        path.index(0);
        for (int i = 0; i < n; i++) {
            path.setIndex(i);
            int m = r.mapHeader();
            String alias = null;
            Expr expr = null;
            long seen = 0;
            for (int k = 0; k < m; k++) {
                String key = key();
                path.key(key);
                switch (key) {
                    case K_ALIAS: seen = once(seen, 0, key); alias = identifier(); break;
                    case K_EXPR: seen = once(seen, 1, key); expr = expr(); break;
                    default:
                        path.pop();
                        throw unknownKey(key);
                }
                path.pop();
            }
            out.add(new io.oxyde.codec.Annotation(required(alias, K_ALIAS), required(expr, K_EXPR)));
        }
        path.pop();
        return out;
    }

    private List<Join> joins() throws IOException {
        int n = r.arrayHeader();
        List<Join> out = new ArrayList<>(n);
        path.index(0);
        for (int i = 0; i < n; i++) {
            path.setIndex(i);
            out.add(join());
        }
        path.pop();
        return out;
    }

    private Join join() throws IOException {
        int n = r.mapHeader();
        String alias = null;
        String table = null;
        JoinKind kind = null;
        ColumnRef left = null;
        String right = null;
        List<String> columns = List.of();
        long seen = 0;
        for (int i = 0; i < n; i++) {
            String key = key();
            path.key(key);
            switch (key) {
                case K_ALIAS: seen = once(seen, 0, key); alias = identifier(); break;
                case K_TABLE: seen = once(seen, 1, key); table = identifier(); break;
                case K_KIND: {
                    seen = once(seen, 2, key);
                    String s = name();
                    kind = enumValue(JoinKind.fromWireName(s), "join kind", s);
                    break;
                }
                case K_LEFT: seen = once(seen, 3, key); left = columnRef(); break;
                case K_RIGHT: seen = once(seen, 4, key); right = identifier(); break;
                case K_COLUMNS: seen = once(seen, 5, key); columns = strings(); break;
                default:
                    path.pop();
                    throw unknownKey(key);
            }
            path.pop();
        }
        if (alias == null) {
            throw missing(K_ALIAS);
        }
        if (table == null) {
            throw missing(K_TABLE);
        }
        if (kind == null) {
            throw missing(K_KIND);
        }
        if (left == null) {
            throw missing(K_LEFT);
        }
        if (right == null) {
            throw missing(K_RIGHT);
        }
        return new Join(alias, table, kind, left, right, columns);
    }

    List<OrderBy> orderBy() throws IOException {
        int n = r.arrayHeader();
        List<OrderBy> out = new ArrayList<>(n);
        path.index(0);
        for (int i = 0; i < n; i++) {
            path.setIndex(i);
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
                out.add(OrderBy.of(expr, direction));
                continue;
            }
            if (column == null && direction != Direction.RANDOM) {
                throw r.fail("direction \"" + d + "\" needs a column");
            }
            out.add(new OrderBy(column, direction, kind));
        }
        path.pop();
        return out;
    }

    List<Aggregate> aggregates() throws IOException {
        int n = r.arrayHeader();
        List<Aggregate> out = new ArrayList<>(n);
        path.index(0);
        for (int i = 0; i < n; i++) {
            path.setIndex(i);
            out.add(aggregate());
        }
        path.pop();
        return out;
    }

    private Aggregate aggregate() throws IOException {
        int n = r.mapHeader();
        AggregateFunction function = null;
        ColumnRef column = null;
        boolean distinct = false;
        String alias = null;
        long seen = 0;
        for (int i = 0; i < n; i++) {
            String key = key();
            path.key(key);
            switch (key) {
                case K_FUNCTION: {
                    seen = once(seen, 0, key);
                    String s = name();
                    function = enumValue(AggregateFunction.fromWireName(s), "aggregate function", s);
                    break;
                }
                case K_COLUMN: seen = once(seen, 1, key); column = columnRef(); break;
                case K_DISTINCT: seen = once(seen, 2, key); distinct = r.bool(); break;
                case K_ALIAS: seen = once(seen, 3, key); alias = identifier(); break;
                default:
                    path.pop();
                    throw unknownKey(key);
            }
            path.pop();
        }
        if (function == null) {
            throw missing(K_FUNCTION);
        }
        if (alias == null) {
            throw missing(K_ALIAS);
        }
        if (column == null && function != AggregateFunction.COUNT) {
            throw r.fail(function.wireName() + " needs a column");
        }
        return new Aggregate(function, column, distinct, alias);
    }

    private List<SetOperation> union() throws IOException {
        int n = r.arrayHeader();
        List<SetOperation> out = new ArrayList<>(n);
        path.index(0);
        for (int i = 0; i < n; i++) {
            path.setIndex(i);
            int entries = r.mapHeader();
            SetOperator operator = null;
            SelectIr query = null;
            long seen = 0;
            for (int e = 0; e < entries; e++) {
                String key = key();
                path.key(key);
                switch (key) {
                    case K_OP: {
                        seen = once(seen, 0, key);
                        String s = name();
                        operator = enumValue(SetOperator.fromWireName(s), "set operator", s);
                        break;
                    }
                    case K_QUERY: seen = once(seen, 1, key); query = nestedSelect("a union part"); break;
                    default:
                        path.pop();
                        throw unknownKey(key);
                }
                path.pop();
            }
            if (operator == null) {
                throw missing(K_OP);
            }
            if (query == null) {
                throw missing(K_QUERY);
            }
            out.add(new SetOperation(operator, query));
        }
        path.pop();
        return out;
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
        FilterNode node;
        switch (type) {
            case T_CONDITION: node = condition(n); break;
            case T_AND: node = new FilterNode.And(children(n)); break;
            case T_OR: node = new FilterNode.Or(children(n)); break;
            case T_NOT: node = not(n); break;
            case T_IN_SELECT: node = inSelect(n); break;
            case T_COMPARE: node = compare(n); break;
            case T_EXISTS: node = new FilterNode.Exists(queryOnly(n, "an exists query")); break;
            case T_TEST: node = test(n); break;
            default: throw typeError("unknown filter node type \"" + type + "\"");
        }
        r.leave();
        return node;
    }

    private FilterNode condition(int n) throws IOException {
        ColumnRef field = null;
        Lookup lookup = null;
        Value value = null;
        long seen = 0;
        for (int i = 1; i < n; i++) {
            String key = key();
            path.key(key);
            switch (key) {
                case K_FIELD: seen = once(seen, 0, key); field = columnRef(); break;
                case K_OP: seen = once(seen, 1, key); lookup = operator(); break;
                case K_VALUE: seen = once(seen, 2, key); value = value(); break;
                default:
                    path.pop();
                    throw unknownKey(key);
            }
            path.pop();
        }
        return new FilterNode.Condition(required(field, K_FIELD), required(lookup, K_OP), required(value, K_VALUE));
    }

    private List<FilterNode> children(int n) throws IOException {
        List<FilterNode> children = null;
        for (int i = 1; i < n; i++) {
            String key = key();
            if (!K_CHILDREN.equals(key)) {
                throw unknownKey(key);
            }
            path.key(key);
            if (children != null) {
                throw r.fail("duplicate key \"" + key + "\"");
            }
            int count = r.arrayHeader();
            children = new ArrayList<>(count);
            path.index(0);
            for (int c = 0; c < count; c++) {
                path.setIndex(c);
                children.add(filter());
            }
            path.pop();
            path.pop();
        }
        if (children == null) {
            throw missing(K_CHILDREN);
        }
        return children;
    }

    private Lookup operator() throws IOException {
        String s = name();
        return enumValue(Lookup.fromWireName(s), "operator", s);
    }

    private FilterNode compare(int n) throws IOException {
        ColumnRef field = null;
        Lookup lookup = null;
        Expr expr = null;
        boolean numeric = false;
        long seen = 0;
        for (int i = 1; i < n; i++) {
            String key = key();
            path.key(key);
            switch (key) {
                case K_FIELD: seen = once(seen, 0, key); field = columnRef(); break;
                case K_OP: seen = once(seen, 1, key); lookup = operator(); break;
                case K_EXPR: seen = once(seen, 2, key); expr = expr(); break;
                case K_NUMERIC: seen = once(seen, 3, key); numeric = r.bool(); break;
                default:
                    path.pop();
                    throw unknownKey(key);
            }
            path.pop();
        }
        return new FilterNode.Compare(required(field, K_FIELD), required(lookup, K_OP), required(expr, K_EXPR), numeric);
    }

    /** The entries of a map whose only key (after its type) is {@code query}. */
    private SelectIr queryOnly(int n, String what) throws IOException {
        SelectIr query = null;
        for (int i = 1; i < n; i++) {
            String key = key();
            if (!K_QUERY.equals(key)) {
                throw unknownKey(key);
            }
            path.key(key);
            if (query != null) {
                throw r.fail("duplicate key \"" + key + "\"");
            }
            query = nestedSelect(what);
            path.pop();
        }
        return required(query, K_QUERY);
    }

    private FilterNode test(int n) throws IOException {
        Expr left = null;
        Lookup lookup = null;
        Expr right = null;
        boolean numeric = false;
        long seen = 0;
        for (int i = 1; i < n; i++) {
            String key = key();
            path.key(key);
            switch (key) {
                case K_LEFT: seen = once(seen, 0, key); left = expr(); break;
                case K_OP: seen = once(seen, 1, key); lookup = operator(); break;
                case K_RIGHT: seen = once(seen, 2, key); right = expr(); break;
                case K_NUMERIC: seen = once(seen, 3, key); numeric = r.bool(); break;
                default:
                    path.pop();
                    throw unknownKey(key);
            }
            path.pop();
        }
        return new FilterNode.Test(required(left, K_LEFT), required(lookup, K_OP), required(right, K_RIGHT), numeric);
    }

    private FilterNode inSelect(int n) throws IOException {
        ColumnRef field = null;
        SelectIr query = null;
        long seen = 0;
        for (int i = 1; i < n; i++) {
            String key = key();
            path.key(key);
            switch (key) {
                case K_FIELD: seen = once(seen, 0, key); field = columnRef(); break;
                case K_QUERY: seen = once(seen, 1, key); query = nestedSelect("an in_select query"); break;
                default:
                    path.pop();
                    throw unknownKey(key);
            }
            path.pop();
        }
        return new FilterNode.InSelect(required(field, K_FIELD), required(query, K_QUERY));
    }

    private FilterNode not(int n) throws IOException {
        FilterNode child = null;
        for (int i = 1; i < n; i++) {
            String key = key();
            if (!K_CHILD.equals(key)) {
                throw unknownKey(key);
            }
            path.key(key);
            if (child != null) {
                throw r.fail("duplicate key \"" + key + "\"");
            }
            child = filter();
            path.pop();
        }
        if (child == null) {
            throw missing(K_CHILD);
        }
        return new FilterNode.Not(child);
    }

    // ------------------------------------------------------------------ mutations

    private InsertIr insert(int n) throws IOException {
        String table = null;
        String model = null;
        List<String> columns = null;
        List<List<Value>> rows = null;
        List<String> returning = List.of();
        OnConflict onConflict = null;
        long seen = 0;
        for (int i = 1; i < n; i++) {
            String key = key();
            path.key(key);
            switch (key) {
                case K_TABLE: seen = once(seen, 0, key); table = identifier(); break;
                case K_MODEL: seen = once(seen, 1, key); model = identifier(); break;
                case K_COLUMNS: seen = once(seen, 2, key); columns = strings(); break;
                case K_ROWS: {
                    seen = once(seen, 3, key);
                    int count = r.arrayHeader();
                    rows = new ArrayList<>(count);
                    path.index(0);
                    for (int row = 0; row < count; row++) {
                        path.setIndex(row);
                        rows.add(values());
                    }
                    path.pop();
                    break;
                }
                case K_RETURNING: seen = once(seen, 4, key); returning = strings(); break;
                case K_ON_CONFLICT: seen = once(seen, 5, key); onConflict = onConflict(); break;
                default:
                    path.pop();
                    throw unknownKey(key);
            }
            path.pop();
        }
        if (table == null) {
            throw missing(K_TABLE);
        }
        if (columns == null) {
            throw missing(K_COLUMNS);
        }
        if (rows == null) {
            throw missing(K_ROWS);
        }
        List<List<Value>> finalRows = rows;
        checkRows(rows.size(), columns.size(), i -> finalRows.get(i).size());
        return new InsertIr(model, table, columns, rows, returning, onConflict);
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

    private OnConflict onConflict() throws IOException {
        int n = r.mapHeader();
        ConflictAction action = null;
        List<String> target = List.of();
        List<String> update = List.of();
        long seen = 0;
        for (int i = 0; i < n; i++) {
            String key = key();
            path.key(key);
            switch (key) {
                case K_ACTION: {
                    seen = once(seen, 0, key);
                    String s = name();
                    action = enumValue(ConflictAction.fromWireName(s), "conflict action", s);
                    break;
                }
                case K_TARGET: seen = once(seen, 1, key); target = strings(); break;
                case K_UPDATE: seen = once(seen, 2, key); update = strings(); break;
                default:
                    path.pop();
                    throw unknownKey(key);
            }
            path.pop();
        }
        if (action == null) {
            throw missing(K_ACTION);
        }
        return new OnConflict(target, action, update);
    }

    private UpdateIr update(int n) throws IOException {
        String table = null;
        String model = null;
        List<Assignment> set = null;
        FilterNode filter = null;
        List<String> returning = List.of();
        long seen = 0;
        for (int i = 1; i < n; i++) {
            String key = key();
            path.key(key);
            switch (key) {
                case K_TABLE: seen = once(seen, 0, key); table = identifier(); break;
                case K_MODEL: seen = once(seen, 1, key); model = identifier(); break;
                case K_SET: {
                    seen = once(seen, 2, key);
                    int count = r.arrayHeader();
                    set = new ArrayList<>(count);
                    path.index(0);
                    for (int a = 0; a < count; a++) {
                        path.setIndex(a);
                        if (r.arrayHeader() != 2) {
                            throw r.fail("an assignment must be [column, expression]");
                        }
                        path.index(0);
                        String column = identifier();
                        path.setIndex(1);
                        Expr value = expr();
                        path.pop();
                        set.add(new Assignment(column, value));
                    }
                    path.pop();
                    break;
                }
                case K_FILTER: seen = once(seen, 3, key); filter = filter(); break;
                case K_RETURNING: seen = once(seen, 4, key); returning = strings(); break;
                default:
                    path.pop();
                    throw unknownKey(key);
            }
            path.pop();
        }
        if (table == null) {
            throw missing(K_TABLE);
        }
        if (set == null) {
            throw missing(K_SET);
        }
        return new UpdateIr(model, table, set, filter, returning);
    }

    Expr expr() throws IOException {
        r.enter();
        int n = r.mapHeader();
        String type = type(n);
        Expr result;
        switch (type) {
            case T_VALUE: {
                Value value = null;
                for (int i = 1; i < n; i++) {
                    String key = key();
                    if (!K_VALUE.equals(key)) {
                        throw unknownKey(key);
                    }
                    path.key(key);
                    if (value != null) {
                        throw r.fail("duplicate key \"" + key + "\"");
                    }
                    value = value();
                    path.pop();
                }
                if (value == null) {
                    throw missing(K_VALUE);
                }
                result = new Expr.Literal(value);
                break;
            }
            case T_COLUMN: {
                String name = null;
                String source = null;
                long seen = 0;
                for (int i = 1; i < n; i++) {
                    String key = key();
                    path.key(key);
                    switch (key) {
                        case K_NAME: seen = once(seen, 0, key); name = identifier(); break;
                        case K_SOURCE: seen = once(seen, 1, key); source = identifier(); break;
                        default:
                            path.pop();
                            throw unknownKey(key);
                    }
                    path.pop();
                }
                if (name == null) {
                    throw missing(K_NAME);
                }
                result = new Expr.Column(source, name);
                break;
            }
            case T_OUTER: {
                String name = null;
                String source = null;
                long seen = 0;
                for (int i = 1; i < n; i++) {
                    String key = key();
                    path.key(key);
                    switch (key) {
                        case K_NAME: seen = once(seen, 0, key); name = identifier(); break;
                        case K_SOURCE: seen = once(seen, 1, key); source = identifier(); break;
                        default:
                            path.pop();
                            throw unknownKey(key);
                    }
                    path.pop();
                }
                result = new Expr.Outer(source, required(name, K_NAME));
                break;
            }
            case T_SUBQUERY:
                result = new Expr.Subquery(queryOnly(n, "a subquery"));
                break;
            case T_CASE: {
                List<Expr.When> whens = null;
                Expr otherwise = null;
                long seen = 0;
                for (int i = 1; i < n; i++) {
                    String key = key();
                    path.key(key);
                    switch (key) {
                        case K_WHENS: {
                            seen = once(seen, 0, key);
                            int count = r.arrayHeader();
                            whens = new ArrayList<>(Math.min(count, 16));
                            path.index(0);
                            for (int w = 0; w < count; w++) {
                                path.setIndex(w);
                                whens.add(when());
                            }
                            path.pop();
                            break;
                        }
                        case K_ELSE: seen = once(seen, 1, key); otherwise = expr(); break;
                        default:
                            path.pop();
                            throw unknownKey(key);
                    }
                    path.pop();
                }
                if (whens == null) {
                    throw missing(K_WHENS);
                }
                if (whens.isEmpty()) {
                    path.key(K_WHENS);
                    ProtocolException e = r.fail("a case needs at least one when");
                    path.pop();
                    throw e;
                }
                result = new Expr.Case(whens, otherwise);
                break;
            }
            case T_CALL: {
                io.oxyde.codec.ScalarFunction function = null;
                List<Expr> args = List.of();
                long seen = 0;
                for (int i = 1; i < n; i++) {
                    String key = key();
                    path.key(key);
                    switch (key) {
                        case K_FUNCTION: {
                            seen = once(seen, 0, key);
                            String s = name();
                            function = enumValue(io.oxyde.codec.ScalarFunction.fromWireName(s), "function", s);
                            break;
                        }
                        case K_ARGS: {
                            seen = once(seen, 1, key);
                            int count = r.arrayHeader();
                            args = new ArrayList<>(Math.min(count, 16));
                            path.index(0);
                            for (int a = 0; a < count; a++) {
                                path.setIndex(a);
                                args.add(expr());
                            }
                            path.pop();
                            break;
                        }
                        default:
                            path.pop();
                            throw unknownKey(key);
                    }
                    path.pop();
                }
                result = new Expr.Call(required(function, K_FUNCTION), args);
                break;
            }
            case T_WINDOW: {
                io.oxyde.codec.WindowFunction function = null;
                List<Expr> args = List.of();
                Integer offset = null;
                List<Expr> partitionBy = List.of();
                List<OrderBy> order = List.of();
                long seen = 0;
                for (int i = 1; i < n; i++) {
                    String key = key();
                    path.key(key);
                    switch (key) {
                        case K_FUNCTION: {
                            seen = once(seen, 0, key);
                            String s = name();
                            function = enumValue(io.oxyde.codec.WindowFunction.fromWireName(s), "window function", s);
                            break;
                        }
                        case K_ARGS: seen = once(seen, 1, key); args = exprs(); break;
                        case K_OFFSET: {
                            seen = once(seen, 2, key);
                            long o = r.int64();
                            if (o < 0 || o > Integer.MAX_VALUE) {
                                throw r.fail("a window offset must be between 0 and " + Integer.MAX_VALUE + ", found " + o);
                            }
                            offset = (int) o;
                            break;
                        }
                        case K_PARTITION_BY: seen = once(seen, 3, key); partitionBy = exprs(); break;
                        case K_ORDER_BY: seen = once(seen, 4, key); order = orderBy(); break;
                        default:
                            path.pop();
                            throw unknownKey(key);
                    }
                    path.pop();
                }
                result = new Expr.Window(required(function, K_FUNCTION), args, offset, partitionBy, order);
                break;
            }
            case T_BINARY: {
                ArithmeticOperator op = null;
                Expr left = null;
                Expr right = null;
                long seen = 0;
                for (int i = 1; i < n; i++) {
                    String key = key();
                    path.key(key);
                    switch (key) {
                        case K_OP: {
                            seen = once(seen, 0, key);
                            String s = name();
                            op = enumValue(ArithmeticOperator.fromWireName(s), "arithmetic operator", s);
                            break;
                        }
                        case K_LEFT: seen = once(seen, 1, key); left = expr(); break;
                        case K_RIGHT: seen = once(seen, 2, key); right = expr(); break;
                        default:
                            path.pop();
                            throw unknownKey(key);
                    }
                    path.pop();
                }
                if (op == null) {
                    throw missing(K_OP);
                }
                if (left == null) {
                    throw missing(K_LEFT);
                }
                if (right == null) {
                    throw missing(K_RIGHT);
                }
                result = new Expr.Binary(op, left, right);
                break;
            }
            case T_NEG: {
                Expr operand = null;
                for (int i = 1; i < n; i++) {
                    String key = key();
                    if (!K_OPERAND.equals(key)) {
                        throw unknownKey(key);
                    }
                    path.key(key);
                    if (operand != null) {
                        throw r.fail("duplicate key \"" + key + "\"");
                    }
                    operand = expr();
                    path.pop();
                }
                if (operand == null) {
                    throw missing(K_OPERAND);
                }
                result = new Expr.Negate(operand);
                break;
            }
            default:
                throw typeError("unknown expression type \"" + type + "\"");
        }
        r.leave();
        return result;
    }

    /** An array of expressions, each at its index. */
    private List<Expr> exprs() throws IOException {
        int count = r.arrayHeader();
        List<Expr> out = new ArrayList<>(Math.min(count, 16));
        path.index(0);
        for (int a = 0; a < count; a++) {
            path.setIndex(a);
            out.add(expr());
        }
        path.pop();
        return out;
    }

    private Expr.When when() throws IOException {
        int m = r.mapHeader();
        FilterNode condition = null;
        Expr value = null;
        long seen = 0;
        for (int i = 0; i < m; i++) {
            String key = key();
            path.key(key);
            switch (key) {
                case K_WHEN: seen = once(seen, 0, key); condition = filter(); break;
                case K_THEN: seen = once(seen, 1, key); value = expr(); break;
                default:
                    path.pop();
                    throw unknownKey(key);
            }
            path.pop();
        }
        return new Expr.When(required(condition, K_WHEN), required(value, K_THEN));
    }

    private BulkUpdateIr bulkUpdate(int n) throws IOException {
        String table = null;
        String model = null;
        String keyColumn = null;
        List<String> columns = null;
        List<BulkUpdateRow> rows = null;
        long seen = 0;
        for (int i = 1; i < n; i++) {
            String key = key();
            path.key(key);
            switch (key) {
                case K_TABLE: seen = once(seen, 0, key); table = identifier(); break;
                case K_MODEL: seen = once(seen, 1, key); model = identifier(); break;
                case K_KEY: seen = once(seen, 2, key); keyColumn = identifier(); break;
                case K_COLUMNS: seen = once(seen, 3, key); columns = strings(); break;
                case K_ROWS: {
                    seen = once(seen, 4, key);
                    int count = r.arrayHeader();
                    rows = new ArrayList<>(count);
                    path.index(0);
                    for (int row = 0; row < count; row++) {
                        path.setIndex(row);
                        if (r.arrayHeader() != 2) {
                            throw r.fail("a bulk update row must be [key, [values]]");
                        }
                        path.index(0);
                        Value keyValue = value();
                        path.setIndex(1);
                        List<Value> rowValues = values();
                        path.pop();
                        rows.add(new BulkUpdateRow(keyValue, rowValues));
                    }
                    path.pop();
                    break;
                }
                default:
                    path.pop();
                    throw unknownKey(key);
            }
            path.pop();
        }
        if (table == null) {
            throw missing(K_TABLE);
        }
        if (keyColumn == null) {
            throw missing(K_KEY);
        }
        if (columns == null) {
            throw missing(K_COLUMNS);
        }
        if (rows == null) {
            throw missing(K_ROWS);
        }
        List<BulkUpdateRow> finalRows = rows;
        checkRows(rows.size(), columns.size(), i -> finalRows.get(i).values().size());
        return new BulkUpdateIr(model, table, keyColumn, columns, rows);
    }

    private DeleteIr delete(int n) throws IOException {
        String table = null;
        String model = null;
        FilterNode filter = null;
        List<String> returning = List.of();
        long seen = 0;
        for (int i = 1; i < n; i++) {
            String key = key();
            path.key(key);
            switch (key) {
                case K_TABLE: seen = once(seen, 0, key); table = identifier(); break;
                case K_MODEL: seen = once(seen, 1, key); model = identifier(); break;
                case K_FILTER: seen = once(seen, 2, key); filter = filter(); break;
                case K_RETURNING: seen = once(seen, 3, key); returning = strings(); break;
                default:
                    path.pop();
                    throw unknownKey(key);
            }
            path.pop();
        }
        if (table == null) {
            throw missing(K_TABLE);
        }
        return new DeleteIr(model, table, filter, returning);
    }

    private RawIr raw(int n) throws IOException {
        String sql = null;
        List<Value> params = null;
        long seen = 0;
        for (int i = 1; i < n; i++) {
            String key = key();
            path.key(key);
            switch (key) {
                case K_SQL: seen = once(seen, 0, key); sql = r.string(MAX_SQL_BYTES); break;
                case K_PARAMS: seen = once(seen, 1, key); params = values(); break;
                default:
                    path.pop();
                    throw unknownKey(key);
            }
            path.pop();
        }
        if (sql == null) {
            throw missing(K_SQL);
        }
        if (params == null) {
            throw missing(K_PARAMS);
        }
        return new RawIr(sql, params);
    }

    // ------------------------------------------------------------------ leaves

    List<Value> values() throws IOException {
        int n = r.arrayHeader();
        List<Value> out = new ArrayList<>(n);
        path.index(0);
        for (int i = 0; i < n; i++) {
            path.setIndex(i);
            out.add(value());
        }
        path.pop();
        return out;
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
        int n = r.arrayHeader();
        List<ColumnRef> out = new ArrayList<>(n);
        path.index(0);
        for (int i = 0; i < n; i++) {
            path.setIndex(i);
            out.add(columnRef());
        }
        path.pop();
        return out;
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

    List<String> strings() throws IOException {
        int n = r.arrayHeader();
        List<String> out = new ArrayList<>(n);
        path.index(0);
        for (int i = 0; i < n; i++) {
            path.setIndex(i);
            out.add(identifier());
        }
        path.pop();
        return out;
    }
}
