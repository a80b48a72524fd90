package io.oxyde.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of IR: values of every kind, filter trees, and queries of every operation. */
final class IrArbitraries {

    private IrArbitraries() {
    }

    // ------------------------------------------------------------------ leaves

    static Arbitrary<String> identifier() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> odd = Arbitraries.of("we[ird]", "sp ace", "dot.ted", "$tick#", "ünï", "🦀crab", "x".repeat(128));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, plain),
                net.jqwik.api.Tuple.of(1, odd));
    }

    static Arbitrary<String> text() {
        Arbitrary<String> bmp = Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMaxLength(20);
        return Arbitraries.oneOf(bmp, bmp.map(s -> s + "🦀"), Arbitraries.just(""));
    }

    static Arbitrary<ColumnRef> columnRef() {
        return Arbitraries.oneOf(identifier().map(ColumnRef::of),
                Combinators.combine(identifier(), identifier()).as(ColumnRef::of));
    }

    /** A scalar value of any kind. */
    static Arbitrary<Value> scalar() {
        Arbitrary<Value> nul = Arbitraries.just(Value.nullValue());
        Arbitrary<Value> bool = Arbitraries.of(Value.Bool.TRUE, Value.Bool.FALSE);
        Arbitrary<Value> integer = Arbitraries.longs().map(Value.Int::new);
        Arbitrary<Value> floating = Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE))
                .map(Value.Float::new);
        Arbitrary<Value> decimal = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)),
                Arbitraries.integers().between(-20, 40))
                .as((u, s) -> new Value.Decimal(new BigDecimal(u, s)));
        Arbitrary<Value> txt = text().map(Value.Text::new);
        Arbitrary<Value> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(16).map(Value.Bytes::new);
        Arbitrary<Value> date = Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
                .map(d -> new Value.Date(LocalDate.ofEpochDay(d)));
        Arbitrary<Value> time = Arbitraries.longs().between(0, LocalTime.MAX.toNanoOfDay())
                .map(n -> new Value.Time(LocalTime.ofNanoOfDay(n)));
        Arbitrary<Long> seconds = Arbitraries.longs().between(-62_000_000_000L, 250_000_000_000L);
        Arbitrary<Integer> nanos = Arbitraries.integers().between(0, 999_999_999);
        Arbitrary<Value> dateTime = Combinators.combine(seconds, nanos)
                .as((s, n) -> new Value.DateTime(LocalDateTime.ofEpochSecond(s, n, ZoneOffset.UTC)));
        Arbitrary<Value> timestamp = Combinators.combine(seconds, nanos, Arbitraries.integers().between(-64_800, 64_800))
                .as((s, n, o) -> new Value.Timestamp(OffsetDateTime.of(
                        LocalDateTime.ofEpochSecond(s, n, ZoneOffset.UTC), ZoneOffset.ofTotalSeconds(o))));
        Arbitrary<Value> uuid = Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                .as((a, b) -> new Value.Uuid(new UUID(a, b)));
        Arbitrary<Value> json = text().map(t -> new Value.Json("{\"k\":\"" + t.replace("\\", "").replace("\"", "") + "\"}"));
        return Arbitraries.oneOf(List.of(nul, bool, integer, floating, decimal, txt, bytes, date, time, dateTime,
                timestamp, uuid, json));
    }

    /** A value: mostly scalars, sometimes (nested) arrays. */
    static Arbitrary<Value> value() {
        return Arbitraries.recursive(IrArbitraries::scalar,
                inner -> Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, scalar()),
                        net.jqwik.api.Tuple.of(1, inner.list().ofMaxSize(3).map(Value.Array::new))),
                0, 3);
    }

    static Arbitrary<Value> scalarArray(int min, int max) {
        return scalar().list().ofMinSize(min).ofMaxSize(max).map(Value.Array::new);
    }

    // ------------------------------------------------------------------ filters

    static Arbitrary<FilterNode> condition() {
        return Arbitraries.of(Lookup.class).flatMap(lookup -> {
            Arbitrary<Value> operand;
            switch (lookup) {
                case IN:
                case OVERLAP: operand = scalarArray(0, 4); break;
                case BETWEEN: operand = scalarArray(2, 2); break;
                case ISNULL: operand = Arbitraries.of(Value.Bool.TRUE, Value.Bool.FALSE); break;
                case YEAR:
                case MONTH:
                case LEN:
                case DAY: operand = Arbitraries.integers().between(1, 2100).map(i -> Value.of((long) i)); break;
                default: operand = value(); break;
            }
            return Combinators.combine(columnRef(), operand).as((f, v) -> new FilterNode.Condition(f, lookup, v));
        });
    }

    static Arbitrary<FilterNode> filter() {
        return Arbitraries.recursive(IrArbitraries::condition, inner -> Arbitraries.oneOf(
                condition(),
                inner.list().ofMaxSize(3).map(FilterNode.And::new),
                inner.list().ofMaxSize(3).map(FilterNode.Or::new),
                inner.map(FilterNode.Not::new),
                inSelect(inner),
                compare(),
                exists(inner),
                test()), 0, 4);
    }

    /** A column of the enclosing query (valid only inside a subquery). */
    static Arbitrary<Expr> outer() {
        return Combinators.combine(identifier().injectNull(0.5), identifier()).as(Expr.Outer::new);
    }

    /** {@code EXISTS (select ... where column = outer column [and inner])} (revision 1.2). */
    static Arbitrary<FilterNode> exists(Arbitrary<FilterNode> inner) {
        return Combinators.combine(identifier(), columnRef(), outer(), inner.injectNull(0.5),
                columnRef().list().ofMaxSize(2))
                .as((table, column, out, where, cols) -> {
                    FilterNode correlated = new FilterNode.Compare(column, Lookup.EQ, out, false);
                    FilterNode filter = where == null ? correlated : new FilterNode.And(List.of(correlated, where));
                    return new FilterNode.Exists(withColumns(table, filter, cols));
                });
    }

    private static SelectIr withColumns(String table, FilterNode filter, List<ColumnRef> cols) {
        SelectIr.Builder b = SelectIr.from(table).filter(filter);
        cols.forEach(b::column);
        return b.build();
    }

    /** A correlated scalar subquery selecting one column (revision 1.2). */
    static Arbitrary<Expr> scalarSubquery() {
        return Combinators.combine(identifier(), columnRef(), columnRef(), outer(), Arbitraries.of(true, false))
                .as((table, selected, column, out, limited) -> new Expr.Subquery(SelectIr.from(table).column(selected)
                        .filter(new FilterNode.Compare(column, Lookup.EQ, out, false)).limit(limited ? 1L : null)
                        .build()));
    }

    /** {@code expr <op> expr} (revision 1.2): comparisons, and isnull with a bool literal. */
    static Arbitrary<FilterNode> test() {
        Arbitrary<Expr> side = Arbitraries.oneOf(filterExpr(), scalarSubquery());
        return Arbitraries.oneOf(
                Combinators.combine(side, Arbitraries.of(Lookup.EQ, Lookup.NE, Lookup.GT, Lookup.GTE, Lookup.LT,
                        Lookup.LTE), side, Arbitraries.of(true, false)).as(FilterNode.Test::new),
                Combinators.combine(side, Arbitraries.of(Value.Bool.TRUE, Value.Bool.FALSE))
                        .as((e, b) -> new FilterNode.Test(e, Lookup.ISNULL, new Expr.Literal(b), false)));
    }

    /** Named select-list expressions with unique aliases (revision 1.2). */
    static Arbitrary<List<Annotation>> annotations() {
        return identifier().list().uniqueElements().ofMaxSize(2).flatMap(aliases -> {
            if (aliases.isEmpty()) {
                return Arbitraries.just(List.<Annotation>of());
            }
            List<Arbitrary<Annotation>> each = new ArrayList<>();
            for (String a : aliases) {
                each.add(Arbitraries.oneOf(filterExpr(), scalarSubquery(), window()).map(e -> new Annotation(a, e)));
            }
            return Combinators.combine(each).as(l -> l);
        });
    }

    /** {@code field <op> expr}, column vs expression. */
    static Arbitrary<FilterNode> compare() {
        return Combinators.combine(columnRef(), Arbitraries.of(Lookup.EQ, Lookup.NE, Lookup.GT, Lookup.GTE, Lookup.LT,
                Lookup.LTE), filterExpr(), Arbitraries.of(true, false)).as(FilterNode.Compare::new);
    }

    /** {@code field IN (select one column ...)}, the subquery filtered by {@code inner}. */
    static Arbitrary<FilterNode> inSelect(Arbitrary<FilterNode> inner) {
        Arbitrary<List<Join>> joinsWithoutColumns = joins().map(js -> js.stream()
                .map(j -> new Join(j.alias(), j.table(), j.kind(), j.left(), j.rightColumn(), List.of(), j.andOn()))
                .toList());
        return Combinators.combine(columnRef(), identifier(), columnRef(), inner.injectNull(0.3), joinsWithoutColumns,
                Arbitraries.of(true, false))
                .as((field, table, column, where, joins, distinct) -> new FilterNode.InSelect(field,
                        new SelectIr(null, table, List.of(column), distinct, where, joins, List.of(), null, null,
                                List.of(), List.of(), null, null, List.of(), SelectMode.ROWS)));
    }

    static Arbitrary<FilterNode> optionalFilter() {
        return filter().injectNull(0.3);
    }

    // ------------------------------------------------------------------ queries

    static Arbitrary<Join> join(String alias) {
        Arbitrary<JoinPair> pair = Combinators.combine(columnRef(), identifier()).as(JoinPair::new);
        return Combinators.combine(identifier(), Arbitraries.of(JoinKind.class), columnRef(), identifier(),
                identifier().list().ofMaxSize(3), pair.list().ofMaxSize(2))
                .as((table, kind, left, right, cols, more) -> new Join(alias, table, kind, left, right, cols, more));
    }

    static Arbitrary<List<Join>> joins() {
        return identifier().list().uniqueElements().ofMaxSize(2).flatMap(aliases -> {
            if (aliases.isEmpty()) {
                return Arbitraries.just(List.<Join>of());
            }
            List<Arbitrary<Join>> each = new ArrayList<>();
            for (String a : aliases) {
                each.add(join(a));
            }
            return Combinators.combine(each).as(l -> l);
        });
    }

    static Arbitrary<OrderBy> orderBy() {
        return Arbitraries.oneOf(
                Combinators.combine(columnRef(), Arbitraries.of(Direction.ASC, Direction.DESC)).as(OrderBy::new),
                // revision 1.2: the column's value kind
                Combinators.combine(columnRef(), Arbitraries.of(Direction.ASC, Direction.DESC),
                        Arbitraries.of(ValueKind.DATE_TIME, ValueKind.TIMESTAMP, ValueKind.DECIMAL, ValueKind.TEXT)).as(OrderBy::new),
                Arbitraries.just(OrderBy.random()));
    }

    static Arbitrary<Aggregate> aggregate() {
        return Combinators.combine(Arbitraries.of(AggregateFunction.class), columnRef().injectNull(0.3),
                Arbitraries.of(true, false), identifier())
                .as((f, c, d, alias) -> new Aggregate(f, c == null && f != AggregateFunction.COUNT ? ColumnRef.of("x") : c, d, alias));
    }

    static Arbitrary<SelectIr> simpleSelect() {
        return select(false);
    }

    static Arbitrary<SelectIr> select() {
        return select(true);
    }

    private static Arbitrary<SelectIr> select(boolean unions) {
        Arbitrary<List<SetOperation>> union = unions
                ? Combinators.combine(Arbitraries.of(SetOperator.class), simpleSelect()).as(SetOperation::new)
                        .list().ofMaxSize(2).filter(ops -> ops.size() < 2
                                || ops.get(1).operator().combinesWith(ops.get(0).operator()))
                : Arbitraries.just(List.of());
        Arbitrary<Long> limits = Arbitraries.longs().between(0, Long.MAX_VALUE).injectNull(0.5);
        Arbitrary<Object[]> first = Combinators.combine(identifier().injectNull(0.3), identifier(),
                columnRef().list().ofMaxSize(4), Arbitraries.of(true, false), optionalFilter(), joins(),
                orderBy().list().ofMaxSize(3), limits)
                .as((model, table, cols, distinct, filter, joins, order, limit) ->
                        new Object[] {model, table, cols, distinct, filter, joins, order, limit});
        Arbitrary<Object[]> second = Combinators.combine(limits, aggregate().list().ofMaxSize(2),
                columnRef().list().ofMaxSize(2), optionalFilter(), Arbitraries.of(LockMode.class).injectNull(0.6),
                union, Arbitraries.of(SelectMode.class))
                .as((offset, aggs, group, having, lock, un, mode) ->
                        new Object[] {offset, aggs, group, having, lock, un, mode});
        Arbitrary<List<OrderBy>> exprOrder = Combinators.combine(Arbitraries.oneOf(scalarSubquery(), window()),
                Arbitraries.of(Direction.ASC, Direction.DESC)).as(OrderBy::of).list().ofMaxSize(1);
        Arbitrary<List<ColumnRef>> distinctOn = columnRef().list().ofMaxSize(2);
        Arbitrary<Boolean> lockOf = Arbitraries.of(true, false);
        return Combinators.combine(first, second, annotations(), exprOrder, distinctOn, lockOf).as((a, b, ann, ord, on, of) -> {
            SelectIr s = buildSelect(a, b);
            // aggregate aliases and annotation aliases must differ
            if (s.aggregates().stream().anyMatch(g -> ann.stream().anyMatch(x -> x.alias().equals(g.alias())))) {
                return s;
            }
            // a group_by column may not name an annotation holding a window (revision 1.3)
            if (s.groupBy().stream().anyMatch(g -> g.source() == null && ann.stream().anyMatch(x -> x.alias()
                    .equals(g.column()) && x.expr() instanceof Expr.Window))) {
                return s;
            }
            SelectIr.Builder builder = s.toBuilder();
            ann.forEach(builder::annotation);
            ord.forEach(builder::orderBy);
            // revision 1.3: DISTINCT ON (not with DISTINCT) and the tables a lock takes
            if (!s.distinct()) {
                on.forEach(builder::distinctOn);
            }
            if (of && s.lock() != null) {
                builder.lockOf(s.table());
                s.joins().stream().limit(1).forEach(j -> builder.lockOf(j.alias()));
            }
            return builder.build();
        });
    }

    @SuppressWarnings("unchecked")
    private static SelectIr buildSelect(Object[] a, Object[] b) {
        return new SelectIr((String) a[0], (String) a[1], (List<ColumnRef>) a[2], (Boolean) a[3],
                (FilterNode) a[4], (List<Join>) a[5], (List<OrderBy>) a[6], (Long) a[7], (Long) b[0],
                (List<Aggregate>) b[1], (List<ColumnRef>) b[2], (FilterNode) b[3], (LockMode) b[4],
                (List<SetOperation>) b[5], (SelectMode) b[6]);
    }

    static Arbitrary<InsertIr> insert() {
        return identifier().list().uniqueElements().ofMinSize(1).ofMaxSize(4).flatMap(cols ->
                Combinators.combine(identifier().injectNull(0.3), identifier(),
                        value().list().ofSize(cols.size()).list().ofMinSize(1).ofMaxSize(5),
                        identifier().list().ofMaxSize(2), onConflict())
                        .as((model, table, rows, ret, oc) -> new InsertIr(model, table, cols, rows, ret, oc)));
    }

    static Arbitrary<OnConflict> onConflict() {
        return Arbitraries.oneOf(
                identifier().list().ofMaxSize(2).map(t -> new OnConflict(t, ConflictAction.DO_NOTHING, List.of())),
                Combinators.combine(identifier().list().ofMaxSize(2), identifier().list().ofMinSize(1).ofMaxSize(3))
                        .as(OnConflict::doUpdate))
                .injectNull(0.5);
    }

    static Arbitrary<Expr> expr() {
        return Arbitraries.recursive(
                () -> Arbitraries.oneOf(value().map(Expr.Literal::new), identifier().map(Expr.Column::new)),
                inner -> Arbitraries.oneOf(
                        value().map(Expr.Literal::new),
                        Combinators.combine(Arbitraries.of(ArithmeticOperator.class), inner, inner).as(Expr.Binary::new),
                        inner.map(Expr.Negate::new)),
                0, 3);
    }

    /** Expressions of a filter's compare node: columns may name a join alias. */
    static Arbitrary<Expr> filterExpr() {
        return Arbitraries.recursive(
                () -> Arbitraries.oneOf(value().map(Expr.Literal::new),
                        Combinators.combine(identifier().injectNull(0.5), identifier()).as(Expr.Column::new)),
                inner -> Arbitraries.oneOf(
                        Combinators.combine(Arbitraries.of(ArithmeticOperator.class), inner, inner).as(Expr.Binary::new),
                        inner.map(Expr.Negate::new),
                        call(inner)),
                0, 2);
    }

    /**
     * A window function (revision 1.3) with an argument count it takes, an offset only for lag and
     * lead, partitions and order terms (columns, with or without a kind, and expressions).
     */
    static Arbitrary<Expr> window() {
        Arbitrary<OrderBy> term = Arbitraries.oneOf(
                Combinators.combine(columnRef(), Arbitraries.of(Direction.ASC, Direction.DESC),
                        Arbitraries.of(ValueKind.INT, ValueKind.DECIMAL, ValueKind.DATE_TIME).injectNull(0.5))
                        .as(OrderBy::new),
                Combinators.combine(filterExpr(), Arbitraries.of(Direction.ASC, Direction.DESC)).as(OrderBy::of));
        return Arbitraries.of(WindowFunction.class).flatMap(f -> Combinators.combine(
                filterExpr().list().ofMinSize(f.minArgs()).ofMaxSize(f.maxArgs()),
                f.takesOffset() ? Arbitraries.integers().between(0, Integer.MAX_VALUE).injectNull(0.3)
                        : Arbitraries.just((Integer) null),
                filterExpr().list().ofMaxSize(2), term.list().ofMaxSize(2))
                .as((args, offset, partitions, order) -> (Expr) new Expr.Window(f, args, offset, partitions, order)));
    }

    /** A scalar function call with an argument count it takes (revision 1.2). */
    static Arbitrary<Expr> call(Arbitrary<Expr> inner) {
        return Arbitraries.of(ScalarFunction.class).flatMap(f -> inner.list()
                .ofMinSize(f.minArgs()).ofMaxSize(Math.min(f.maxArgs(), 3))
                .map(args -> (Expr) new Expr.Call(f, args)));
    }

    static Arbitrary<UpdateIr> update() {
        return Combinators.combine(identifier().injectNull(0.3), identifier(),
                Combinators.combine(identifier(), expr()).as(Assignment::new).list().ofMinSize(1).ofMaxSize(3),
                optionalFilter(), identifier().list().ofMaxSize(2))
                .as(UpdateIr::new);
    }

    static Arbitrary<BulkUpdateIr> bulkUpdate() {
        return identifier().list().uniqueElements().ofMinSize(1).ofMaxSize(3).flatMap(cols ->
                Combinators.combine(identifier().injectNull(0.3), identifier(), identifier(),
                        Combinators.combine(scalar(), value().list().ofSize(cols.size())).as(BulkUpdateRow::new)
                                .list().ofMinSize(1).ofMaxSize(4))
                        .as((model, table, key, rows) -> new BulkUpdateIr(model, table, key, cols, rows)));
    }

    static Arbitrary<DeleteIr> delete() {
        return Combinators.combine(identifier().injectNull(0.3), identifier(), optionalFilter(),
                identifier().list().ofMaxSize(2)).as(DeleteIr::new);
    }

    static Arbitrary<RawIr> raw() {
        return Combinators.combine(text().filter(s -> !s.isBlank()), value().list().ofMaxSize(4)).as(RawIr::new);
    }

    /** A query of any operation. */
    static Arbitrary<QueryIr> query() {
        return Arbitraries.oneOf(select(), insert(), update(), bulkUpdate(), delete(), raw());
    }

    static Arbitrary<RowSet> rowSet() {
        return identifier().list().ofMaxSize(4).flatMap(cols ->
                value().list().ofSize(cols.size()).list().ofMaxSize(6).map(rows -> new RowSet(cols, rows)));
    }

    static Arbitrary<ResultFrame> resultFrame() {
        return Arbitraries.oneOf(rowSet(),
                Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE), value().list().ofMaxSize(4), rowSet())
                        .as(MutationResult::new));
    }
}
