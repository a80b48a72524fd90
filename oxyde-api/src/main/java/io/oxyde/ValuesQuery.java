package io.oxyde;

import io.oxyde.codec.Aggregate;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.Lookup;
import io.oxyde.internal.ir.ListSink;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SelectMode;
import io.oxyde.codec.Value;
import io.oxyde.internal.ir.JavaValues;
import io.oxyde.internal.ir.Lookups;
import io.oxyde.internal.ir.PathSyntax;
import io.oxyde.internal.ir.Paths;
import io.oxyde.internal.ir.Resolved;
import io.oxyde.internal.ir.Target;
import io.oxyde.internal.ir.TypedValues;
import io.oxyde.dialect.Dialect;
import io.oxyde.query.SqlStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import io.oxyde.exception.FieldException;
import io.oxyde.expression.Aggregation;
import io.oxyde.meta.FieldMeta;
import io.oxyde.metamodel.Attribute;
import io.oxyde.metamodel.Condition;
import io.oxyde.metamodel.Order;

/**
 * A query returning plain values instead of models, from {@code values(...)},
 * {@code valuesList(...)} or {@code flatValues(...)}: rows as maps keyed by the requested
 * paths, as lists, or as single values. With {@link #annotate}, rows are grouped by the
 * requested paths (or {@link #groupBy}) and each gets the aggregates; {@link #having} filters
 * on them. Values are the database-level Java types: {@code Long} for integers,
 * {@code BigDecimal}, {@code Double}, {@code String}, {@code Boolean}, {@code java.time} types;
 * decimal sums and averages are {@code BigDecimal} on PostgreSQL/MariaDB and may be
 * {@code Double} on SQLite.
 *
 * @param <R> the row type
 */
public final class ValuesQuery<R> {

    enum Shape { MAP, LIST, FLAT, TYPED }

    private final QueryCore core;
    private final Shape shape;

    /** For {@link Shape#TYPED}: builds a row from the values in their fields' Java types. */
    private final Function<List<Object>, R> rows;

    ValuesQuery(QueryCore core, Shape shape) {
        this(core, shape, null);
    }

    private ValuesQuery(QueryCore core, Shape shape, Function<List<Object>, R> rows) {
        this.core = core;
        this.shape = shape;
        this.rows = rows;
    }

    /** The builder state, for a query nested in another (an {@code in} subquery). */
    QueryCore core() {
        return core;
    }

    private ValuesQuery<R> with(QueryCore c) {
        return new ValuesQuery<>(c, shape, rows);
    }

    /** Keeps rows where {@code path} matches {@code value} (before grouping). */
    public ValuesQuery<R> filter(String path, Object value) {
        QueryCore c = core.copy();
        c.filters().add(c.condition(path, value));
        return with(c);
    }

    /** Keeps rows matching a {@link Q}. */
    public ValuesQuery<R> filter(Q condition) {
        QueryCore c = core.copy();
        c.filters().add(c.compile(condition));
        return with(c);
    }

    /** Drops rows matching a {@link Q}. */
    public ValuesQuery<R> exclude(Q condition) {
        QueryCore c = core.copy();
        c.filters().add(c.exclusion(condition));
        return with(c);
    }

    /** Keeps rows for which the (usually correlated) subquery has a row. */
    public ValuesQuery<R> filter(io.oxyde.expression.Exists exists) {
        return filter(Q.of(exists));
    }

    /** Drops rows for which the subquery has a row. */
    public ValuesQuery<R> exclude(io.oxyde.expression.Exists exists) {
        return exclude(Q.of(exists));
    }

    /**
     * Adds a column named {@code alias} computed per row by a non-aggregate expression (a
     * {@link io.oxyde.expression.Subquery}); an {@link Aggregation} goes to {@link
     * #annotate(String, Aggregation)} and is computed per group.
     */
    public ValuesQuery<R> annotate(String alias, io.oxyde.expression.Expression expression) {
        if (expression instanceof Aggregation a) {
            return annotate(alias, a);
        }
        if (shape == Shape.TYPED) {
            throw new IllegalStateException("typed rows hold only the selected attributes; use values(String...) to"
                    + " annotate \"" + alias + "\"");
        }
        QueryCore c = core.copy();
        for (QueryCore.ValueColumn v : c.values) {
            if (v.key().equals(alias)) {
                throw new FieldException(c.model(), alias, "annotation alias clashes with a selected value", List.of());
            }
        }
        c.checkNamedAlias(alias);
        QueryCore.Named named = NamedExpressions.of(c, alias, expression);
        if (WindowExprs.holdsWindow(named.expr()) && (!c.annotations.isEmpty() || c.groupBy != null)) {
            throw groupedWindow(c, alias);
        }
        c.addNamed(named);
        return with(c);
    }

    private static IllegalStateException groupedWindow(QueryCore c, String alias) {
        return new IllegalStateException(c.model().getSimpleName() + " values query: window annotation \"" + alias
                + "\" and grouping (an aggregate annotation or groupBy) in one query are not supported: a window"
                + " over groups would need the window's terms to be grouped too; use Window.of(aggregate)"
                + " .partitionBy(...) on ungrouped rows instead");
    }

    private static boolean holdsWindow(QueryCore c) {
        return c.named.stream().anyMatch(n -> WindowExprs.holdsWindow(n.expr()));
    }

    /** Adds an aggregate column named {@code alias}, computed per group. */
    public ValuesQuery<R> annotate(String alias, Aggregation aggregation) {
        if (shape == Shape.TYPED) {
            throw new IllegalStateException("typed rows hold only the selected attributes; use values(String...) to"
                    + " annotate \"" + alias + "\"");
        }
        PathSyntax.checkAlias(core.model(), alias);
        if (holdsWindow(core)) {
            throw groupedWindow(core, core.named.stream().filter(n -> WindowExprs.holdsWindow(n.expr())).findFirst()
                    .orElseThrow().alias());
        }
        QueryCore c = core.copy();
        for (QueryCore.ValueColumn v : c.values) {
            if (v.key().equals(alias)) {
                throw new FieldException(c.model(), alias, "annotation alias clashes with a selected value", List.of());
            }
        }
        ColumnRef column = null;
        FieldMeta field = null;
        if (aggregation.field() != null) {
            Resolved r = Paths.resolve(c.meta, aggregation.field(), false);
            c.addJoins(r.joins(), JoinKind.LEFT);
            column = r.column();
            field = r.field();
        }
        c.annotations().add(new QueryCore.Annotation(alias,
                new Aggregate(aggregation.function(), column, aggregation.distinct(), alias), field));
        return with(c);
    }

    /** Groups by these paths instead of the selected values. */
    public ValuesQuery<R> groupBy(String... paths) {
        if (holdsWindow(core)) {
            throw groupedWindow(core, core.named.stream().filter(n -> WindowExprs.holdsWindow(n.expr())).findFirst()
                    .orElseThrow().alias());
        }
        QueryCore c = core.copy();
        c.groupBy = new ArrayList<>();
        for (String p : paths) {
            Resolved r = Paths.resolve(c.meta, p, false);
            c.addJoins(r.joins(), JoinKind.LEFT);
            c.groupBy.add(r.column());
        }
        return with(c);
    }

    /** Keeps groups whose annotation matches, e.g. {@code having("total__gt", 100)}. */
    public ValuesQuery<R> having(String aliasAndLookup, Object value) {
        QueryCore c = core.copy();
        List<String> aliases = c.annotations.stream().map(QueryCore.Annotation::alias).toList();
        String[] parts = PathSyntax.split(c.model(), aliasAndLookup, aliases);
        if (!aliases.contains(parts[0]) || parts.length > 2) {
            throw new FieldException(c.model(), aliasAndLookup, "having(...) takes an annotation alias and a lookup", aliases);
        }
        Lookup lookup = Lookup.EQ;
        if (parts.length == 2) {
            lookup = Lookups.names().contains(parts[1]) ? Lookup.fromWireName("range".equals(parts[1]) ? "between" : parts[1])
                    : null;
            if (lookup == null) {
                throw new FieldException(c.model(), aliasAndLookup, "unknown lookup", Lookups.names());
            }
        }
        c.having().add(new FilterNode.Condition(ColumnRef.of(parts[0]), lookup, Value.of(value)));
        return with(c);
    }

    /** Orders by paths or annotation aliases ({@code "-total"}). */
    public ValuesQuery<R> orderBy(String... fields) {
        QueryCore c = core.copy();
        c.order().clear();
        for (String f : fields) {
            c.order().addAll(c.orderTerms(f));
        }
        return with(c);
    }

    /** At most {@code n} rows. */
    public ValuesQuery<R> limit(long n) {
        QueryCore.nonNegative("limit", n);
        QueryCore c = core.copy();
        c.limit = n;
        return with(c);
    }

    /** Skips {@code n} rows. */
    public ValuesQuery<R> offset(long n) {
        QueryCore.nonNegative("offset", n);
        QueryCore c = core.copy();
        c.offset = n;
        return with(c);
    }

    /** Drops duplicate rows. */
    public ValuesQuery<R> distinct() {
        QueryCore c = core.copy();
        c.distinct = true;
        return with(c);
    }

    /** The same query on another database. */
    public ValuesQuery<R> using(String database) {
        return with(core.copy(core.target.using(database)));
    }

    /** The IR of this query. */
    public SelectIr toIr() {
        return core.toIr();
    }

    /** The SQL and binds on a dialect, without a database. */
    public SqlStatement sql(Dialect dialect) {
        return QueryCore.RENDERER.render(core.toIr(), dialect).single();
    }

    /** Every row. */
    public CompletableFuture<List<R>> all() {
        return core.target.rows(core.toIr(), new ListSink<>(core.kinds(), this::converter));
    }

    /** The first row, if any. */
    public CompletableFuture<Optional<R>> first() {
        return limit(1).all().thenApply(l -> l.stream().findFirst());
    }

    /** The number of rows this query returns. */
    public CompletableFuture<Long> count() {
        SelectIr ir = core.toIr().toBuilder().mode(SelectMode.COUNT).build();
        return core.target.query(ir, null).thenApply(r -> ((Number) JavaValues.toJava(r.rows().get(0).get(0))).longValue());
    }

    /**
     * The conversion of one result row into {@code R}, prepared once per result: the map keys,
     * the typed readers and the decimal scales are worked out here, not per row.
     */
    @SuppressWarnings("unchecked")
    private java.util.function.Function<Value[], R> converter(List<String> columns) {
        if (shape == Shape.TYPED) {
            List<TypedValues> readers = new ArrayList<>();
            core.values.forEach(v -> readers.add(TypedValues.of(v.field())));
            return row -> {
                List<Object> values = new ArrayList<>(readers.size());
                for (int i = 0; i < readers.size(); i++) {
                    values.add(readers.get(i).read(core.model(), row[i]));
                }
                return rows.apply(values);
            };
        }
        int[] scales = decimalScales(); // decimals as BigDecimal at the column's scale on every dialect
        if (shape == Shape.FLAT) {
            return row -> (R) cell(row[0], scales[0]);
        }
        if (shape == Shape.LIST) {
            return row -> {
                List<Object> list = new ArrayList<>(row.length);
                for (int i = 0; i < row.length; i++) {
                    list.add(cell(row[i], i < scales.length ? scales[i] : Integer.MIN_VALUE));
                }
                return (R) list;
            };
        }
        List<String> keys = new ArrayList<>();
        core.values.forEach(v -> keys.add(v.key()));
        core.annotations.forEach(a -> keys.add(a.alias()));
        core.named.forEach(n -> keys.add(n.alias()));
        return row -> {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i), cell(row[i], scales[i]));
            }
            return (R) map;
        };
    }

    /**
     * Per result column: the scale to read a decimal at (-1: a decimal at the scale the database
     * gave, e.g. an average), or {@code Integer.MIN_VALUE} for "not a decimal". SQLite returns
     * decimal columns as text and their sums and averages as REAL; these become {@code BigDecimal}
     * as PostgreSQL's and MariaDB's do (issue 19 item 4).
     */
    private int[] decimalScales() {
        // named expressions (functions, Case, subqueries) come last and are read as the database gives them
        int[] out = new int[core.values.size() + core.annotations.size() + core.named.size()];
        java.util.Arrays.fill(out, Integer.MIN_VALUE);
        int i = 0;
        for (QueryCore.ValueColumn v : core.values) {
            int scale = v.field() == null ? -1 : io.oxyde.internal.convert.Decimals.columnScale(v.field());
            out[i++] = scale >= 0 ? scale : Integer.MIN_VALUE;
        }
        for (QueryCore.Annotation a : core.annotations) {
            int scale = a.field() == null ? -1 : io.oxyde.internal.convert.Decimals.columnScale(a.field());
            io.oxyde.codec.AggregateFunction fn = a.aggregate().function();
            out[i++] = scale < 0 || fn == io.oxyde.codec.AggregateFunction.COUNT ? Integer.MIN_VALUE
                    : fn == io.oxyde.codec.AggregateFunction.AVG ? -1 : scale;
        }
        return out;
    }

    private static Object cell(Value v, int decimalScale) {
        return decimalScale == Integer.MIN_VALUE ? JavaValues.toJava(v) : JavaValues.toDecimal(v, decimalScale, true);
    }

    // ---- typed attributes (the generated metamodel, docs/typed-queries.md) -------------------

    /** Keeps rows matching a typed condition (before grouping). */
    public ValuesQuery<R> filter(Condition<?> condition) {
        return filter(condition.q());
    }

    /** Drops rows matching a typed condition. */
    public ValuesQuery<R> exclude(Condition<?> condition) {
        return exclude(condition.q());
    }

    /** Orders by typed terms ({@code Track_.NAME.asc()}); aliases stay strings. */
    public ValuesQuery<R> orderBy(Order<?>... terms) {
        return orderBy(Attributes.terms(terms));
    }

    /** Groups by these typed paths instead of the selected values. */
    public ValuesQuery<R> groupBy(Attribute<?, ?>... paths) {
        return groupBy(Attributes.paths(paths));
    }

    /** A query whose rows are built from the selected values read in their fields' Java types. */
    static <R> ValuesQuery<R> typed(QueryCore core, Function<List<Object>, R> rows) {
        return new ValuesQuery<>(core, Shape.TYPED, rows);
    }
}
