package io.oxyde.codec.internal;

import static io.oxyde.codec.internal.ShapeField.flag;
import static io.oxyde.codec.internal.ShapeField.list;
import static io.oxyde.codec.internal.ShapeField.optional;
import static io.oxyde.codec.internal.ShapeField.required;
import static io.oxyde.codec.internal.ShapeField.unlessDefault;
import static io.oxyde.codec.internal.WireFormat.*;

import io.oxyde.codec.Aggregate;
import io.oxyde.codec.AggregateFunction;
import io.oxyde.codec.Annotation;
import io.oxyde.codec.ArithmeticOperator;
import io.oxyde.codec.BulkUpdateIr;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.ConflictAction;
import io.oxyde.codec.DeleteIr;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Join;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.LockMode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OnConflict;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.ScalarFunction;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SelectMode;
import io.oxyde.codec.SetOperation;
import io.oxyde.codec.SetOperator;
import io.oxyde.codec.UpdateIr;
import io.oxyde.codec.Value;
import io.oxyde.codec.WindowFunction;
import io.oxyde.codec.internal.ShapeField.Get;
import io.oxyde.codec.internal.ShapeField.Out;
import java.util.List;
import java.util.function.Function;

/**
 * The field-descriptor tables of every IR record kind written as a map (see
 * {@code docs/protocol.md}): each key is said once, with how {@link ShapeWriter} writes it and
 * how {@link ShapeReader} reads it. What is not a map (order terms, assignments, bulk rows,
 * column references, parameter slots) stays in the writer and reader.
 */
final class IrShapes {

    private IrShapes() {
    }

    // ------------------------------------------------------------------ values

    private static final Out<String> IDENT = ShapeWriter::string;
    private static final Get IDENT_IN = ShapeReader::identifier;
    private static final Out<List<String>> STRINGS = ShapeWriter::strings;
    private static final Get STRINGS_IN = ShapeReader::strings;
    private static final Out<ColumnRef> REF = ShapeWriter::columnRef;
    private static final Get REF_IN = ShapeReader::columnRef;
    private static final Out<List<ColumnRef>> REFS = ShapeWriter::columnRefs;
    private static final Get REFS_IN = ShapeReader::columnRefs;
    private static final Out<Long> INT64 = ShapeWriter::int64;
    private static final Get INT64_IN = ShapeReader::int64;
    private static final Out<FilterNode> FILTER = ShapeWriter::filter;
    private static final Get FILTER_IN = ShapeReader::filter;
    private static final Out<List<FilterNode>> FILTERS = (w, l) -> w.list(l, FILTER);
    private static final Get FILTERS_IN = r -> r.list(FILTER_IN);
    private static final Out<Expr> EXPR = ShapeWriter::expr;
    private static final Get EXPR_IN = ShapeReader::expr;
    private static final Out<List<Expr>> EXPRS = (w, l) -> w.list(l, EXPR);
    private static final Get EXPRS_IN = r -> r.list(EXPR_IN);
    private static final Out<List<OrderBy>> ORDER = (w, l) -> w.list(l, ShapeWriter::orderTerm);
    private static final Get ORDER_IN = ShapeReader::orderBy;
    private static final Out<SelectIr> SELECT_OUT = ShapeWriter::select;
    private static final Out<Value> VALUE = ShapeWriter::value;
    private static final Get VALUE_IN = ShapeReader::value;
    private static final Out<List<Value>> VALUES = ShapeWriter::values;
    private static final Get VALUES_IN = ShapeReader::values;

    private static final Out<Lookup> LOOKUP = names(Lookup.values(), Lookup::wireName);
    private static final Get LOOKUP_IN = in(Lookup::fromWireName, "operator");

    /** Writes an enum constant as its pre-encoded wire name. */
    private static <E extends Enum<E>> Out<E> names(E[] constants, Function<E, String> wireName) {
        byte[][] names = new byte[constants.length][];
        for (E e : constants) {
            names[e.ordinal()] = EncodedNames.of(wireName.apply(e));
        }
        return (w, e) -> w.name(names[e.ordinal()]);
    }

    /** Reads an enum constant by wire name, refusing unknown names as an unknown {@code kind}. */
    private static Get in(Function<String, ?> fromWireName, String kind) {
        return r -> r.enumName(fromWireName, kind);
    }

    /** A nested select, refused as {@code what} when it is not a select. */
    private static Get nested(String what) {
        return r -> r.nestedSelect(what);
    }

    /** A list of untyped maps. */
    private static <T> Out<List<T>> maps(RecordShape<T> shape) {
        return (w, l) -> w.list(l, (w2, item) -> w2.write(shape, item));
    }

    /** Reads a list of untyped maps. */
    private static Get mapsIn(RecordShape<?> shape) {
        return r -> r.list(r2 -> r2.read(shape));
    }

    // ------------------------------------------------------------------ parts of a select

    static final RecordShape<Join> JOIN = RecordShape.untyped(
            v -> new Join(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6)),
            required(K_ALIAS, Join::alias, IDENT, IDENT_IN),
            required(K_TABLE, Join::table, IDENT, IDENT_IN),
            required(K_KIND, Join::kind, names(JoinKind.values(), JoinKind::wireName),
                    in(JoinKind::fromWireName, "join kind")),
            required(K_LEFT, Join::left, REF, REF_IN),
            required(K_RIGHT, Join::rightColumn, IDENT, IDENT_IN),
            list(K_COLUMNS, Join::columns, STRINGS, STRINGS_IN),
            list(K_AND_ON, Join::andOn, (w, l) -> w.list(l, ShapeWriter::joinPair), r -> r.list(ShapeReader::joinPair))
                    .since("1.4"));

    /** Built by {@link ShapeReader} once it has checked that the function may go without a column. */
    static final RecordShape<Aggregate> AGGREGATE = RecordShape.untyped(
            v -> new Aggregate(v.get(0), v.get(1), v.get(2), v.get(3)),
            required(K_FUNCTION, Aggregate::function, names(AggregateFunction.values(), AggregateFunction::wireName),
                    in(AggregateFunction::fromWireName, "aggregate function")),
            optional(K_COLUMN, Aggregate::column, REF, REF_IN),
            flag(K_DISTINCT, Aggregate::distinct),
            required(K_ALIAS, Aggregate::alias, IDENT, IDENT_IN));

    static final RecordShape<SetOperation> SET_OPERATION = RecordShape.untyped(
            v -> new SetOperation(v.get(0), v.get(1)),
            required(K_OP, SetOperation::operator, names(SetOperator.values(), SetOperator::wireName),
                    in(SetOperator::fromWireName, "set operator")),
            required(K_QUERY, SetOperation::query, SELECT_OUT, nested("a union part")));

    static final RecordShape<Annotation> ANNOTATION = RecordShape.untyped(
            v -> new Annotation(v.get(0), v.get(1)),
            required(K_ALIAS, Annotation::alias, IDENT, IDENT_IN),
            required(K_EXPR, Annotation::expr, EXPR, EXPR_IN)).since("1.2");

    static final RecordShape<SelectIr> SELECT = RecordShape.typed("select",
            v -> new SelectIr(v.get(1), v.get(0), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7),
                    v.get(8), v.get(9), v.get(10), v.get(11), v.get(12), v.get(13), v.get(14), v.get(15),
                    v.get(16), v.get(17)),
            required(K_TABLE, SelectIr::table, IDENT, IDENT_IN),
            optional(K_MODEL, SelectIr::model, IDENT, IDENT_IN),
            list(K_COLUMNS, SelectIr::columns, REFS, REFS_IN),
            flag(K_DISTINCT, SelectIr::distinct),
            optional(K_FILTER, SelectIr::filter, FILTER, FILTER_IN),
            list(K_JOINS, SelectIr::joins, maps(JOIN), mapsIn(JOIN)),
            list(K_ORDER_BY, SelectIr::orderBy, ORDER, ORDER_IN),
            optional(K_LIMIT, SelectIr::limit, INT64, INT64_IN),
            optional(K_OFFSET, SelectIr::offset, INT64, INT64_IN),
            list(K_AGGREGATES, SelectIr::aggregates, maps(AGGREGATE), ShapeReader::aggregates),
            list(K_GROUP_BY, SelectIr::groupBy, REFS, REFS_IN),
            optional(K_HAVING, SelectIr::having, FILTER, FILTER_IN),
            optional(K_LOCK, SelectIr::lock, names(LockMode.values(), LockMode::wireName),
                    in(LockMode::fromWireName, "lock mode")),
            list(K_UNION, SelectIr::setOperations, maps(SET_OPERATION), mapsIn(SET_OPERATION)),
            unlessDefault(K_MODE, SelectIr::mode, SelectMode.ROWS, names(SelectMode.values(), SelectMode::wireName),
                    in(SelectMode::fromWireName, "select mode")),
            list(K_ANNOTATIONS, SelectIr::annotations, maps(ANNOTATION), mapsIn(ANNOTATION)).since("1.2"),
            list(K_DISTINCT_ON, SelectIr::distinctOn, REFS, REFS_IN).since("1.3"),
            list(K_LOCK_OF, SelectIr::lockOf, STRINGS, STRINGS_IN).since("1.3"));

    // ------------------------------------------------------------------ mutations and raw SQL

    static final RecordShape<OnConflict> ON_CONFLICT = RecordShape.untyped(
            v -> new OnConflict(v.get(1), v.get(0), v.get(2)),
            required(K_ACTION, OnConflict::action, names(ConflictAction.values(), ConflictAction::wireName),
                    in(ConflictAction::fromWireName, "conflict action")),
            list(K_TARGET, OnConflict::target, STRINGS, STRINGS_IN),
            list(K_UPDATE, OnConflict::updateColumns, STRINGS, STRINGS_IN));

    /** Built by {@link ShapeReader} once it has checked the row lengths. */
    static final RecordShape<InsertIr> INSERT = RecordShape.typed("insert",
            v -> new InsertIr(v.get(1), v.get(0), v.get(2), v.get(3), v.get(4), v.get(5)),
            required(K_TABLE, InsertIr::table, IDENT, IDENT_IN),
            optional(K_MODEL, InsertIr::model, IDENT, IDENT_IN),
            required(K_COLUMNS, InsertIr::columns, STRINGS, STRINGS_IN),
            required(K_ROWS, InsertIr::rows, (w, rows) -> w.list(rows, VALUES), r -> r.list(VALUES_IN)),
            list(K_RETURNING, InsertIr::returning, STRINGS, STRINGS_IN),
            optional(K_ON_CONFLICT, InsertIr::onConflict, (w, oc) -> w.write(IrShapes.ON_CONFLICT, oc),
                    r -> r.read(IrShapes.ON_CONFLICT)));

    static final RecordShape<UpdateIr> UPDATE = RecordShape.typed("update",
            v -> new UpdateIr(v.get(1), v.get(0), v.get(2), v.get(3), v.get(4)),
            required(K_TABLE, UpdateIr::table, IDENT, IDENT_IN),
            optional(K_MODEL, UpdateIr::model, IDENT, IDENT_IN),
            required(K_SET, UpdateIr::assignments, (w, set) -> w.list(set, ShapeWriter::assignment),
                    r -> r.list(ShapeReader::assignment)),
            optional(K_FILTER, UpdateIr::filter, FILTER, FILTER_IN),
            list(K_RETURNING, UpdateIr::returning, STRINGS, STRINGS_IN));

    /** Built by {@link ShapeReader} once it has checked the row lengths. */
    static final RecordShape<BulkUpdateIr> BULK_UPDATE = RecordShape.typed("bulk_update",
            v -> new BulkUpdateIr(v.get(1), v.get(0), v.get(2), v.get(3), v.get(4)),
            required(K_TABLE, BulkUpdateIr::table, IDENT, IDENT_IN),
            optional(K_MODEL, BulkUpdateIr::model, IDENT, IDENT_IN),
            required(K_KEY, BulkUpdateIr::keyColumn, IDENT, IDENT_IN),
            required(K_COLUMNS, BulkUpdateIr::columns, STRINGS, STRINGS_IN),
            required(K_ROWS, BulkUpdateIr::rows, (w, rows) -> w.list(rows, ShapeWriter::bulkRow),
                    r -> r.list(ShapeReader::bulkRow)));

    static final RecordShape<DeleteIr> DELETE = RecordShape.typed("delete",
            v -> new DeleteIr(v.get(1), v.get(0), v.get(2), v.get(3)),
            required(K_TABLE, DeleteIr::table, IDENT, IDENT_IN),
            optional(K_MODEL, DeleteIr::model, IDENT, IDENT_IN),
            optional(K_FILTER, DeleteIr::filter, FILTER, FILTER_IN),
            list(K_RETURNING, DeleteIr::returning, STRINGS, STRINGS_IN));

    static final RecordShape<RawIr> RAW = RecordShape.typed("raw",
            v -> new RawIr(v.get(0), v.get(1)),
            required(K_SQL, RawIr::sql, IDENT, ShapeReader::sql),
            required(K_PARAMS, RawIr::params, VALUES, VALUES_IN));

    // ------------------------------------------------------------------ filter nodes

    static final RecordShape<FilterNode.Condition> CONDITION = RecordShape.typed(T_CONDITION,
            v -> new FilterNode.Condition(v.get(0), v.get(1), v.get(2)),
            required(K_FIELD, FilterNode.Condition::field, REF, REF_IN),
            required(K_OP, FilterNode.Condition::lookup, LOOKUP, LOOKUP_IN),
            required(K_VALUE, FilterNode.Condition::value, VALUE, VALUE_IN));

    static final RecordShape<FilterNode.And> AND = RecordShape.typed(T_AND,
            v -> new FilterNode.And(v.get(0)),
            required(K_CHILDREN, FilterNode.And::children, FILTERS, FILTERS_IN));

    static final RecordShape<FilterNode.Or> OR = RecordShape.typed(T_OR,
            v -> new FilterNode.Or(v.get(0)),
            required(K_CHILDREN, FilterNode.Or::children, FILTERS, FILTERS_IN));

    static final RecordShape<FilterNode.Not> NOT = RecordShape.typed(T_NOT,
            v -> new FilterNode.Not(v.get(0)),
            required(K_CHILD, FilterNode.Not::child, FILTER, FILTER_IN));

    static final RecordShape<FilterNode.InSelect> IN_SELECT = RecordShape.typed(T_IN_SELECT,
            v -> new FilterNode.InSelect(v.get(0), v.get(1)),
            required(K_FIELD, FilterNode.InSelect::field, REF, REF_IN),
            required(K_QUERY, FilterNode.InSelect::query, SELECT_OUT, nested("an in_select query"))).since("1.1");

    static final RecordShape<FilterNode.Compare> COMPARE = RecordShape.typed(T_COMPARE,
            v -> new FilterNode.Compare(v.get(0), v.get(1), v.get(2), v.<Boolean>get(3)),
            required(K_FIELD, FilterNode.Compare::field, REF, REF_IN),
            required(K_OP, FilterNode.Compare::lookup, LOOKUP, LOOKUP_IN),
            required(K_EXPR, FilterNode.Compare::expr, EXPR, EXPR_IN),
            flag(K_NUMERIC, FilterNode.Compare::numeric)).since("1.1");

    static final RecordShape<FilterNode.Exists> EXISTS = RecordShape.typed(T_EXISTS,
            v -> new FilterNode.Exists(v.get(0)),
            required(K_QUERY, FilterNode.Exists::query, SELECT_OUT, nested("an exists query"))).since("1.2");

    static final RecordShape<FilterNode.Test> TEST = RecordShape.typed(T_TEST,
            v -> new FilterNode.Test(v.get(0), v.get(1), v.get(2), v.<Boolean>get(3)),
            required(K_LEFT, FilterNode.Test::left, EXPR, EXPR_IN),
            required(K_OP, FilterNode.Test::lookup, LOOKUP, LOOKUP_IN),
            required(K_RIGHT, FilterNode.Test::right, EXPR, EXPR_IN),
            flag(K_NUMERIC, FilterNode.Test::numeric)).since("1.2");

    // ------------------------------------------------------------------ expressions

    static final RecordShape<Expr.Literal> LITERAL = RecordShape.typed(T_VALUE,
            v -> new Expr.Literal(v.get(0)),
            required(K_VALUE, Expr.Literal::value, VALUE, VALUE_IN));

    static final RecordShape<Expr.Column> COLUMN = RecordShape.typed(T_COLUMN,
            v -> new Expr.Column(v.get(1), v.get(0)),
            required(K_NAME, Expr.Column::name, IDENT, IDENT_IN),
            optional(K_SOURCE, Expr.Column::source, IDENT, IDENT_IN));

    static final RecordShape<Expr.Outer> OUTER = RecordShape.typed(T_OUTER,
            v -> new Expr.Outer(v.get(1), v.get(0)),
            required(K_NAME, Expr.Outer::name, IDENT, IDENT_IN),
            optional(K_SOURCE, Expr.Outer::source, IDENT, IDENT_IN)).since("1.2");

    static final RecordShape<Expr.Binary> BINARY = RecordShape.typed(T_BINARY,
            v -> new Expr.Binary(v.get(0), v.get(1), v.get(2)),
            required(K_OP, Expr.Binary::operator, names(ArithmeticOperator.values(), ArithmeticOperator::wireName),
                    in(ArithmeticOperator::fromWireName, "arithmetic operator")),
            required(K_LEFT, Expr.Binary::left, EXPR, EXPR_IN),
            required(K_RIGHT, Expr.Binary::right, EXPR, EXPR_IN));

    static final RecordShape<Expr.When> WHEN = RecordShape.untyped(
            v -> new Expr.When(v.get(0), v.get(1)),
            required(K_WHEN, Expr.When::condition, FILTER, FILTER_IN),
            required(K_THEN, Expr.When::value, EXPR, EXPR_IN)).since("1.2");

    /** Built by {@link ShapeReader} once it has checked that there is a when. */
    static final RecordShape<Expr.Case> CASE = RecordShape.typed(T_CASE,
            v -> new Expr.Case(v.get(0), v.get(1)),
            required(K_WHENS, Expr.Case::whens, maps(WHEN), mapsIn(WHEN)),
            optional(K_ELSE, Expr.Case::otherwise, EXPR, EXPR_IN)).since("1.2");

    static final RecordShape<Expr.Call> CALL = RecordShape.typed(T_CALL,
            v -> new Expr.Call(v.get(0), v.get(1)),
            required(K_FUNCTION, Expr.Call::function, (w, f) -> w.string(f.wireName()),
                    in(ScalarFunction::fromWireName, "function")),
            list(K_ARGS, Expr.Call::args, EXPRS, EXPRS_IN)).since("1.2");

    static final RecordShape<Expr.Window> WINDOW = RecordShape.typed(T_WINDOW,
            v -> new Expr.Window(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4)),
            required(K_FUNCTION, Expr.Window::function, (w, f) -> w.string(f.wireName()),
                    in(WindowFunction::fromWireName, "window function")),
            list(K_ARGS, Expr.Window::args, EXPRS, EXPRS_IN),
            optional(K_OFFSET, Expr.Window::offset, ShapeWriter::int32, ShapeReader::windowOffset).since("1.3"),
            list(K_PARTITION_BY, Expr.Window::partitionBy, EXPRS, EXPRS_IN).since("1.3"),
            list(K_ORDER_BY, Expr.Window::orderBy, ORDER, ORDER_IN)).since("1.3");

    static final RecordShape<Expr.Subquery> SUBQUERY = RecordShape.typed(T_SUBQUERY,
            v -> new Expr.Subquery(v.get(0)),
            required(K_QUERY, Expr.Subquery::query, SELECT_OUT, nested("a subquery"))).since("1.2");

    static final RecordShape<Expr.Negate> NEGATE = RecordShape.typed(T_NEG,
            v -> new Expr.Negate(v.get(0)),
            required(K_OPERAND, Expr.Negate::operand, EXPR, EXPR_IN));
}
