package io.oxyde;

import io.oxyde.codec.Aggregate;
import io.oxyde.codec.AggregateFunction;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.LockMode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.RawIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SelectMode;
import io.oxyde.codec.SetOperation;
import io.oxyde.codec.SetOperator;
import io.oxyde.codec.Value;
import io.oxyde.internal.mapping.ModelMapper;
import io.oxyde.internal.mapping.RowReader;
import io.oxyde.internal.ir.JavaValues;
import io.oxyde.internal.ir.Paths;
import io.oxyde.internal.ir.Prefetcher;
import io.oxyde.internal.ir.Resolved;
import io.oxyde.internal.ir.RowLoader;
import io.oxyde.internal.ir.Target;
import io.oxyde.dialect.Dialect;
import io.oxyde.query.SqlStatement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import io.oxyde.exception.FieldException;
import io.oxyde.exception.MultipleObjectsReturnedException;
import io.oxyde.exception.NotFoundException;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.metamodel.Assignments;
import io.oxyde.metamodel.Attribute;
import io.oxyde.metamodel.ComparableAttribute;
import io.oxyde.metamodel.Condition;
import io.oxyde.metamodel.Navigable;
import io.oxyde.metamodel.NumberAttribute;
import io.oxyde.metamodel.Order;
import io.oxyde.metamodel.RelationAttribute;
import io.oxyde.metamodel.Row1;
import io.oxyde.metamodel.Row2;
import io.oxyde.metamodel.Row3;

/**
 * A lazy, immutable query over one model, from {@code db.objects(Model.class)} or
 * {@code tx.objects(Model.class)}. Builder methods ({@link #filter}, {@link #orderBy},
 * {@link #join}…) return a new query and check field names, lookups and value types at
 * once (a {@link FieldException}); terminals ({@link #all}, {@link #get}, {@link #update}…) run
 * it and return a {@link CompletableFuture}. Nothing touches the database before a terminal.
 *
 * @param <T> the model
 */
public final class Query<T> {

    private final QueryCore core;

    Query(QueryCore core) {
        this.core = core;
    }

    private Query<T> with(QueryCore c) {
        return new Query<>(c);
    }

    @SuppressWarnings("unchecked")
    private Class<T> type() {
        return (Class<T>) core.model();
    }

    // ---- building --------------------------------------------------------------------------

    /** Keeps rows where {@code path} (e.g. {@code "album__artist__name__icontains"}) matches {@code value}. */
    public Query<T> filter(String path, Object value) {
        QueryCore c = core.copy();
        c.filters().add(c.condition(path, value));
        return with(c);
    }

    /** Keeps rows matching every pair of a map of paths to values. */
    public Query<T> filter(Map<String, ?> conditions) {
        QueryCore c = core.copy();
        conditions.forEach((k, v) -> c.filters().add(c.condition(k, v)));
        return with(c);
    }

    /** Keeps rows matching a {@link Q} condition. */
    public Query<T> filter(Q condition) {
        QueryCore c = core.copy();
        c.filters().add(c.compile(condition));
        return with(c);
    }

    /** Keeps rows for which the (usually correlated) subquery has a row: {@code WHERE EXISTS (…)}. */
    public Query<T> filter(io.oxyde.expression.Exists exists) {
        return filter(Q.of(exists));
    }

    /** Drops rows for which the subquery has a row: {@code WHERE NOT EXISTS (…)}. */
    public Query<T> exclude(io.oxyde.expression.Exists exists) {
        return exclude(Q.of(exists));
    }

    /**
     * Names an expression computed per row: an aggregate over a to-many relation
     * ({@code Count.of("albums")}, a correlated subquery per row) or a {@link
     * io.oxyde.expression.Subquery}. Filter ({@code filter("n__gt", 5)}) and order
     * ({@code orderBy("-n")}) on the alias; {@code values("name", "n")} reads it.
     */
    public Query<T> annotate(String alias, io.oxyde.expression.Expression expression) {
        QueryCore c = core.copy();
        c.checkNamedAlias(alias);
        c.addNamed(NamedExpressions.of(c, alias, expression));
        return with(c);
    }

    /** Drops rows where {@code path} matches {@code value}. */
    public Query<T> exclude(String path, Object value) {
        return exclude(Q.of(path, value));
    }

    /** Drops rows matching a {@link Q} condition. */
    public Query<T> exclude(Q condition) {
        QueryCore c = core.copy();
        c.filters().add(c.exclusion(condition));
        return with(c);
    }

    /** Orders by fields: {@code "name"} ascending, {@code "-name"} descending, {@code "?"} random; paths may cross FKs. */
    public Query<T> orderBy(String... fields) {
        QueryCore c = core.copy();
        c.order().clear();
        for (String f : fields) {
            c.order().addAll(c.orderTerms(f));
        }
        return with(c);
    }

    /** At most {@code n} rows. */
    public Query<T> limit(long n) {
        QueryCore.nonNegative("limit", n);
        QueryCore c = core.copy();
        c.limit = n;
        return with(c);
    }

    /** Skips the first {@code n} rows. */
    public Query<T> offset(long n) {
        QueryCore.nonNegative("offset", n);
        QueryCore c = core.copy();
        c.offset = n;
        return with(c);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), like a list slice. */
    public Query<T> slice(long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("slice(from, to) needs 0 <= from <= to, got " + from + ".." + to);
        }
        return offset(from).limit(to - from);
    }

    /** Drops duplicate rows. */
    public Query<T> distinct() {
        QueryCore c = core.copy();
        c.distinct = true;
        return with(c);
    }

    /** Loads only these fields (plus the key); the others are {@code null} / zero. */
    public Query<T> select(String... fields) {
        QueryCore c = core.copy();
        c.only = new ArrayList<>();
        for (String f : fields) {
            c.only.addAll(io.oxyde.internal.model.CompositeForeignKeys.columnsOf(core.meta, core.meta.field(f)
                    .orElseThrow(() -> new FieldException(type(), f, "unknown field", Paths.fieldNames(core.meta)))));
        }
        return with(c);
    }

    /**
     * Loads the model behind a foreign-key path ({@code "album"}, {@code "album__artist"}) in the
     * same query through LEFT joins; the {@link Ref}s come back loaded ({@code ref.get()}).
     */
    public Query<T> join(String... paths) {
        QueryCore c = core.copy();
        for (String p : paths) {
            c.eagerJoin(p);
        }
        return with(c);
    }

    /**
     * Loads relations with one extra query per relation (and per chunk of 500 keys): reverse
     * FK lists ({@code "albums"}), many-to-many lists ({@code "tracks"}) and forward FKs
     * ({@code "album"}); nested paths ({@code "album__artist"}) load level by level.
     */
    public Query<T> prefetch(String... paths) {
        QueryCore c = core.copy();
        for (String p : paths) {
            Prefetcher.check(core.meta, p);
            c.prefetch().add(p);
        }
        return with(c);
    }

    /** Locks the selected rows until the transaction ends ({@code FOR UPDATE}; no-op on SQLite). */
    public Query<T> forUpdate() {
        QueryCore c = core.copy();
        c.lock = LockMode.UPDATE;
        return with(c);
    }

    /** Locks the selected rows against writes ({@code FOR SHARE}; no-op on SQLite). */
    public Query<T> forShare() {
        QueryCore c = core.copy();
        c.lock = LockMode.SHARE;
        return with(c);
    }

    /**
     * Locks the selected rows against writes, failing at once or skipping rows others hold
     * ({@code FOR UPDATE NOWAIT / SKIP LOCKED}).
     *
     * @throws io.oxyde.exception.UnsupportedFeatureException on SQLite, which has no row locks
     */
    public Query<T> forUpdate(LockOption option) {
        QueryCore c = core.copy();
        c.lock(false, option);
        return with(c);
    }

    /**
     * Locks only the rows of some of the query's tables ({@code FOR UPDATE OF …}); see {@link
     * LockOf}.
     *
     * @throws io.oxyde.exception.UnsupportedFeatureException on MariaDB, which has no {@code OF}
     */
    public Query<T> forUpdate(LockOf of) {
        QueryCore c = core.copy();
        c.lockOf(of);
        return with(c);
    }

    /** {@code FOR SHARE NOWAIT / SKIP LOCKED}, as {@link #forUpdate(LockOption)}. */
    public Query<T> forShare(LockOption option) {
        QueryCore c = core.copy();
        c.lock(true, option);
        return with(c);
    }

    /** The rows of this query and of {@code other}, without duplicates. */
    public Query<T> union(Query<T> other) {
        return setOp(SetOperator.UNION, other);
    }

    /** The rows of this query and of {@code other}, with duplicates. */
    public Query<T> unionAll(Query<T> other) {
        return setOp(SetOperator.UNION_ALL, other);
    }

    /** The rows of this query that {@code other} also has, without duplicates ({@code INTERSECT}). */
    public Query<T> intersect(Query<T> other) {
        return setOp(SetOperator.INTERSECT, other);
    }

    /** The rows of this query that {@code other} does not have, without duplicates ({@code EXCEPT}). */
    public Query<T> except(Query<T> other) {
        return setOp(SetOperator.EXCEPT, other);
    }

    private Query<T> setOp(SetOperator op, Query<T> other) {
        QueryCore c = core.copy();
        c.checkSetOperation(op);
        c.unions().add(new SetOperation(op, other.core.toIr()));
        return with(c);
    }

    /** The same query on another registered database (pool), outside any transaction. */
    public Query<T> using(String database) {
        return with(core.copy(core.target.using(database)));
    }

    /** Rows as maps from these paths (which may cross FKs) to values; see {@link ValuesQuery}. */
    public ValuesQuery<Map<String, Object>> values(String... paths) {
        return new ValuesQuery<>(valuesCore(paths), ValuesQuery.Shape.MAP);
    }

    /** Rows as lists of these paths' values. */
    public ValuesQuery<List<Object>> valuesList(String... paths) {
        return new ValuesQuery<>(valuesCore(paths), ValuesQuery.Shape.LIST);
    }

    /** One path's values, one per row. */
    public ValuesQuery<Object> flatValues(String path) {
        return new ValuesQuery<>(valuesCore(path), ValuesQuery.Shape.FLAT);
    }

    private QueryCore valuesCore(String... paths) {
        QueryCore c = core.copy();
        c.values = new ArrayList<>();
        List<String> list = paths.length == 0 ? Paths.fieldNames(core.meta) : Arrays.asList(paths);
        for (String p : list) {
            if (core.namedIn(p) != null && core.namedIn(p).alias().equals(p)) {
                continue; // an annotation: selected after the values, under its alias
            }
            Resolved r = io.oxyde.internal.ir.Paths.resolve(core.meta, p, false);
            if (paths.length == 0 && io.oxyde.internal.model.CompositeForeignKeys.isPart(r.field())) {
                // every field: a foreign key to a composite key as its key values, stock__warehouse, stock__sku
                for (FieldMeta part : io.oxyde.internal.model.CompositeForeignKeys.columnsOf(core.meta, r.field())) {
                    c.values.add(new QueryCore.ValueColumn(p + "__" + part.foreignKey().targetField(),
                            ColumnRef.of(part.column()), part));
                }
                continue;
            }
            c.addJoins(r.joins(), io.oxyde.codec.JoinKind.LEFT);
            c.values.add(new QueryCore.ValueColumn(p, r.column(), r.field()));
        }
        return c;
    }

    // ---- debugging -------------------------------------------------------------------------

    /** The IR of this query's main select (prefetch queries are separate). */
    public SelectIr toIr() {
        return core.toIr();
    }

    /** The SQL and bind values this query's main select would run on a dialect, without a database. */
    public SqlStatement sql(Dialect dialect) {
        return QueryCore.RENDERER.render(core.toIr(), dialect).single();
    }

    /** The database's plan for this query ({@code EXPLAIN}; {@code EXPLAIN QUERY PLAN} on SQLite), one line per row. */
    public CompletableFuture<List<String>> explain() {
        return Explain.run(core, core.toIr());
    }

    /**
     * The database's plan with options: {@code analyze} runs the query and reports actual rows
     * and times (PostgreSQL {@code EXPLAIN (ANALYZE)}, MariaDB {@code ANALYZE}, MySQL {@code
     * EXPLAIN ANALYZE}); {@link ExplainFormat#JSON} gives the plan as one JSON document (one
     * line).
     *
     * @throws io.oxyde.exception.UnsupportedFeatureException on SQLite for anything but {@code
     *     (false, TEXT)}, and on MySQL for ANALYZE with JSON
     */
    public CompletableFuture<List<String>> explain(boolean analyze, ExplainFormat format) {
        return Explain.run(core, core.toIr(), analyze, format);
    }

    /**
     * Leaves these fields out of the SELECT (Django's {@code defer}): the models get {@code null}
     * for them ({@code 0} / {@code false} for primitive fields, {@code null} for a foreign key's
     * {@code Ref}), so a model read this way must not be saved back whole. The key cannot be
     * deferred. After {@link #select(String...)} it removes fields from that selection.
     */
    public Query<T> defer(String... fields) {
        QueryCore c = core.copy();
        List<FieldMeta> kept = new ArrayList<>(c.only == null ? c.meta.fields() : c.only);
        for (String f : fields) {
            FieldMeta field = core.meta.field(f).orElseThrow(() -> new FieldException(type(), f, "unknown field in"
                    + " defer(...)", Paths.fieldNames(core.meta)));
            if (field.primaryKey()) {
                throw new FieldException(type(), f, "the key cannot be deferred (models are read by it)", List.of());
            }
            kept.removeAll(io.oxyde.internal.model.CompositeForeignKeys.columnsOf(core.meta, field));
        }
        kept.remove(c.meta.primaryKey());
        c.only = kept;
        return with(c);
    }

    /**
     * Loads to-many relations through queries of their own ({@link Prefetch#of}): filtered and
     * ordered as the query says, one extra query per relation and per 500 parents.
     */
    public Query<T> prefetch(Prefetch... prefetches) {
        QueryCore c = core.copy();
        for (Prefetch p : prefetches) {
            Class<?> target = Prefetcher.toManyTarget(core.meta, p.path());
            QueryCore q = p.query().core();
            if (q.model() != target) {
                throw new IllegalArgumentException(p + ": \"" + p.path() + "\" holds " + target.getSimpleName()
                        + " models, the query is on " + q.model().getSimpleName());
            }
            if (q.limit != null || q.offset != null || !q.unions.isEmpty() || q.lock != null || q.values != null
                    || !q.named.isEmpty()) {
                throw new IllegalArgumentException(p + ": a prefetch query takes filters, joins, order and prefetches,"
                        + " not limit, offset, set operations, locks, values or annotations (it is read for 500 parents"
                        + " at a time, where those would apply to all of them at once)");
            }
            if (c.prefetchQueries.containsKey(p.path())) {
                throw new IllegalArgumentException(p + ": \"" + p.path() + "\" is prefetched with a query already");
            }
            java.util.Map<String, Prefetcher.Custom> queries = new java.util.LinkedHashMap<>(c.prefetchQueries);
            queries.put(p.path(), new Prefetcher.Custom(q.toIr(), q.kinds(), q.selectedFields().size() != q.meta.fields()
                    .size(), q.joins, q.eager, q.prefetch, q.prefetchQueries));
            c.prefetchQueries = java.util.Map.copyOf(queries);
            if (!c.prefetch.contains(p.path())) {
                c.prefetch().add(p.path());
            }
        }
        return with(c);
    }

    /**
     * One row per distinct value of these fields (PostgreSQL's {@code SELECT DISTINCT ON (…)}):
     * the first by the order, which must start with the same fields, e.g. each album's longest
     * track: {@code distinctOn("album").orderBy("album", "-milliseconds", "id")}. Paths may cross
     * foreign keys.
     *
     * @throws io.oxyde.exception.UnsupportedFeatureException on SQLite, MySQL and MariaDB, which have no DISTINCT ON;
     *     the message names the alternatives (a {@code RowNumber} window, or grouping)
     */
    public Query<T> distinctOn(String... fields) {
        Dialect d = core.target.dialect();
        if (d != Dialect.POSTGRES) {
            throw new io.oxyde.exception.UnsupportedFeatureException("distinctOn(" + String.join(", ", fields) + ")", d, "only PostgreSQL"
                    + " has DISTINCT ON; number the rows with annotate(\"n\", Window.of(RowNumber.of()).partitionBy(...)"
                    + ".orderBy(...)) and keep those numbered 1 as you read them, or group with values(...).annotate(...)"
                    + " (query on " + core.model().getSimpleName() + ")");
        }
        if (fields.length == 0) {
            throw new IllegalArgumentException("distinctOn() needs at least one field");
        }
        QueryCore c = core.copy();
        List<ColumnRef> on = new ArrayList<>();
        for (String f : fields) {
            Resolved r = Paths.resolve(c.meta, f, false);
            c.addJoins(r.joins(), io.oxyde.codec.JoinKind.LEFT);
            on.add(r.column());
        }
        c.distinctOn = List.copyOf(on);
        return with(c);
    }

    // ---- reading ---------------------------------------------------------------------------

    /** Every matching row. */
    public CompletableFuture<List<T>> all() {
        return fetch(core);
    }

    private CompletableFuture<List<T>> fetch(QueryCore c) {
        SelectIr ir = c.toIr();
        RowLoader<T> loader = RowLoader.of(type(), c.kinds(), c.selectedFields().size() != c.meta.fields().size(),
                c.joins, c.eager);
        return c.target.read(ir, loader).thenCompose(frame -> Prefetcher.load(c.target, c.meta, loader.models(), c.prefetch,
                c.prefetchQueries));
    }

    /** The first row by the query's order (by key if unordered), if any. */
    public CompletableFuture<Optional<T>> first() {
        QueryCore c = core.copy();
        if (c.order.isEmpty()) {
            c.meta.primaryKeys().forEach(k -> c.order().add(OrderBy.asc(k.column())));
        }
        c.limit = 1L;
        return fetch(c).thenApply(l -> l.stream().findFirst());
    }

    /** The last row by the query's order (by key if unordered), if any. */
    public CompletableFuture<Optional<T>> last() {
        QueryCore c = core.copy();
        if (c.order.isEmpty()) {
            c.meta.primaryKeys().forEach(k -> c.order().add(OrderBy.desc(k.column())));
        } else {
            List<OrderBy> reversed = new ArrayList<>();
            for (OrderBy o : c.order) {
                reversed.add(new OrderBy(o.column(), o.direction() == io.oxyde.codec.Direction.ASC
                        ? io.oxyde.codec.Direction.DESC : o.direction() == io.oxyde.codec.Direction.DESC
                        ? io.oxyde.codec.Direction.ASC : o.direction(), o.kind()));
            }
            c.order = reversed;
        }
        c.limit = 1L;
        return fetch(c).thenApply(l -> l.stream().findFirst());
    }

    /** The one matching row; fails with {@link NotFoundException} or {@link MultipleObjectsReturnedException}. */
    public CompletableFuture<T> get() {
        QueryCore c = core.copy();
        c.limit = 2L;
        FilterNode criteria = c.where(); // rendered as text only on the error paths below
        return fetch(c).thenApply(l -> {
            if (l.isEmpty()) {
                throw new NotFoundException(type(), String.valueOf(criteria));
            }
            if (l.size() > 1) {
                throw new MultipleObjectsReturnedException(type(), String.valueOf(criteria));
            }
            return l.get(0);
        });
    }

    /** {@code filter(path, value).get()}. */
    public CompletableFuture<T> get(String path, Object value) {
        return filter(path, value).get();
    }

    /**
     * The row with this primary key: {@code getByKey(5L)}; for a composite key ({@code @Id} on
     * several fields) its values in the key's field order, {@code getByKey("A", "tea")}, or one
     * record whose components are named like the key fields, {@code getByKey(new StockKey("A",
     * "tea"))}. Fails with {@link NotFoundException} when no row has it.
     *
     * @throws FieldException at the call, when the values do not match the key's fields
     */
    public CompletableFuture<T> getByKey(Object... key) {
        return filter(Writes.keyLookups(core.meta, key)).get();
    }

    /** The one matching row, or empty; more than one is still {@link MultipleObjectsReturnedException}. */
    public CompletableFuture<Optional<T>> getOrNone() {
        return get().handle((v, e) -> {
            if (e == null) {
                return Optional.of(v);
            }
            Throwable cause = Oxyde.unwrap(e);
            if (cause instanceof NotFoundException) {
                return Optional.empty();
            }
            throw Oxyde.rethrow(cause);
        });
    }

    /** {@code filter(path, value).getOrNone()}. */
    public CompletableFuture<Optional<T>> getOrNone(String path, Object value) {
        return filter(path, value).getOrNone();
    }

    /** Whether any row matches. */
    public CompletableFuture<Boolean> exists() {
        SelectIr ir = countBase().toBuilder().mode(SelectMode.EXISTS).build();
        return core.target.query(ir, null).thenApply(r -> JavaValues.toBoolean(r.rows().get(0).get(0)));
    }

    /** The number of matching rows (respecting limit/offset/distinct). */
    public CompletableFuture<Long> count() {
        SelectIr ir = countBase().toBuilder().mode(SelectMode.COUNT).build();
        return core.target.query(ir, null).thenApply(r -> ((Number) JavaValues.toJava(r.rows().get(0).get(0))).longValue());
    }

    private SelectIr countBase() {
        QueryCore c = core.copy();
        c.eager().clear();
        c.order().clear();
        c.lock = null;
        return c.toIr();
    }

    /** The sum of a numeric field over the matching rows ({@code null} if none). */
    public CompletableFuture<BigDecimal> sum(String field) {
        return aggregate(AggregateFunction.SUM, field).thenApply(v -> JavaValues.toDecimal(v, scaleOf(field), true));
    }

    /**
     * The average of a numeric field ({@code null} if no rows), as a {@code BigDecimal} like
     * {@link #sum}: exact as the database computes it (PostgreSQL and MariaDB average decimals
     * exactly; SQLite goes through REAL). Before issue 19 this was a {@code Double}.
     */
    public CompletableFuture<BigDecimal> avg(String field) {
        return aggregate(AggregateFunction.AVG, field).thenApply(v -> JavaValues.toDecimal(v, -1));
    }

    /** The smallest value of a field, in the field's Java type ({@code null} if no rows). */
    public <V> CompletableFuture<V> min(String field) {
        return extreme(AggregateFunction.MIN, field);
    }

    /** The largest value of a field, in the field's Java type ({@code null} if no rows). */
    public <V> CompletableFuture<V> max(String field) {
        return extreme(AggregateFunction.MAX, field);
    }

    private int scaleOf(String field) {
        FieldMeta f = Paths.resolve(core.meta, field, false).field();
        return io.oxyde.internal.convert.Decimals.columnScale(f);
    }

    @SuppressWarnings("unchecked")
    private <V> CompletableFuture<V> extreme(AggregateFunction fn, String field) {
        Resolved r = Paths.resolve(core.meta, field, false);
        return aggregate(fn, field).thenApply(v -> {
            if (v instanceof Value.Null) {
                return null;
            }
            Class<?> owner = r.owner().modelClass();
            Object model = ModelMapper.of(owner).partialReader(List.of(r.field().column())).read(List.of(v));
            return (V) io.oxyde.internal.ir.Models.get(model, r.field().name());
        });
    }

    private CompletableFuture<Value> aggregate(AggregateFunction fn, String field) {
        QueryCore c = core.copy();
        Resolved r = Paths.resolve(core.meta, field, false);
        c.addJoins(r.joins(), io.oxyde.codec.JoinKind.INNER);
        c.eager().clear();
        c.order().clear();
        c.values = List.of();
        c.named = List.of();
        c.annotations = List.of(new QueryCore.Annotation("agg", new Aggregate(fn, r.column(), false, "agg"), r.field()));
        List<io.oxyde.codec.ValueKind> kinds = new ArrayList<>();
        kinds.add(fn == AggregateFunction.AVG || fn == AggregateFunction.SUM ? null : QueryCore.kindOf(r.field()));
        return c.target.query(c.toIr(), kinds).thenApply(rs -> rs.rows().isEmpty() ? Value.nullValue() : rs.rows().get(0).get(0));
    }

    /**
     * Streams every matching row in batches of {@code batchSize} by keyset pagination on the
     * primary key ({@code WHERE pk > last ORDER BY pk LIMIT n}), so memory holds one batch at
     * a time; {@code consumer} runs once per batch, in key order. Completes with the row count.
     * A custom {@code orderBy}, limit or offset is refused (the key defines the order). See
     * {@link #publisher(int)} for a back-pressured {@link Flow.Publisher}.
     */
    public CompletableFuture<Long> stream(int batchSize, Consumer<List<T>> consumer) {
        checkStreamable(batchSize);
        return streamFrom(null, batchSize, consumer, 0L);
    }

    /**
     * The matching rows as a {@link Flow.Publisher} with back-pressure: pages of
     * {@code batchSize} rows are read by keyset pagination on the primary key (as in
     * {@link #stream}) only when the subscriber's demand needs them, so memory holds at most
     * one page plus what was requested. Each subscription runs the query anew; cancelling stops
     * further reads. Signals are delivered on the driver's threads, one at a time.
     */
    public Flow.Publisher<T> publisher(int batchSize) {
        checkStreamable(batchSize);
        return subscriber -> new KeysetSubscription<>(this::page, batchSize, this::keyOf, subscriber).start();
    }

    private void checkStreamable(int batchSize) {
        if (!core.order.isEmpty() || core.limit != null || core.offset != null) {
            throw new IllegalStateException("stream() reads in primary-key order; remove orderBy/limit/offset");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("stream batchSize must be positive, got " + batchSize);
        }
    }

    /** The key a page after {@code model} starts from: its key, or the list of a composite key's values. */
    private Object keyOf(T model) {
        if (!core.meta.hasCompositeKey()) {
            return io.oxyde.internal.ir.Models.get(model, core.meta.primaryKey().name());
        }
        return new ArrayList<>(Writes.keyMap(core.meta, model).values());
    }

    /**
     * The next page of rows after {@code lastKey} (or the first page), in key order; for a
     * composite key (a, b) the rows after (x, y) are {@code a > x OR (a = x AND b > y)}.
     */
    CompletableFuture<List<T>> page(Object lastKey, int batchSize) {
        QueryCore c = core.copy();
        List<FieldMeta> keys = c.meta.primaryKeys();
        if (lastKey != null) {
            List<?> last = keys.size() == 1 ? List.of(lastKey) : (List<?>) lastKey;
            List<FilterNode> after = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                List<FilterNode> parts = new ArrayList<>();
                for (int j = 0; j <= i; j++) {
                    parts.add(new FilterNode.Condition(ColumnRef.of(keys.get(j).column()), j < i ? Lookup.EQ : Lookup.GT,
                            ModelMapper.of(type()).toValue(keys.get(j).name(), last.get(j))));
                }
                after.add(parts.size() == 1 ? parts.get(0) : new FilterNode.And(parts));
            }
            c.filters().add(after.size() == 1 ? after.get(0) : new FilterNode.Or(after));
        }
        keys.forEach(k -> c.order().add(OrderBy.asc(k.column())));
        c.limit = (long) batchSize;
        return fetch(c);
    }

    private CompletableFuture<Long> streamFrom(Object lastKey, int batchSize, Consumer<List<T>> consumer, long seen) {
        return page(lastKey, batchSize).thenCompose(batch -> {
            if (batch.isEmpty()) {
                return CompletableFuture.completedFuture(seen);
            }
            consumer.accept(batch);
            long total = seen + batch.size();
            if (batch.size() < batchSize) {
                return CompletableFuture.completedFuture(total);
            }
            Object key = keyOf(batch.get(batch.size() - 1));
            return streamFrom(key, batchSize, consumer, total);
        });
    }

    // ---- writing -------------------------------------------------------------------------------

    /** Inserts a model (validated first; defaults and generated keys applied) and returns the stored copy. */
    public CompletableFuture<T> create(T model) {
        return Writes.create(core.target, model);
    }

    /**
     * Inserts models and returns the stored copies (with their keys), in order: up to 10,000
     * models go as one message, which the renderer splits into as few statements as the
     * database's bind-parameter limit allows, run in one transaction (as Django's
     * {@code bulk_create} without a {@code batch_size}). Larger lists go as several messages of
     * 10,000 in one transaction.
     */
    public CompletableFuture<List<T>> bulkCreate(List<T> models) {
        return bulkCreate(models, DEFAULT_BULK_ROWS);
    }

    /** How many models {@link #bulkCreate(List)} sends in one message. */
    static final int DEFAULT_BULK_ROWS = 10_000;

    /**
     * Inserts models in multi-row statements of {@code batchSize} rows; every model is validated
     * before anything is sent. Outside a transaction, several batches run in one transaction.
     * The stored copies read back keys, database defaults and every column the database may
     * round, trim or re-encode; integer, boolean and fitting string columns are stored exactly as
     * sent and are not read back (a trigger that rewrites them is not seen).
     */
    public CompletableFuture<List<T>> bulkCreate(List<T> models, int batchSize) {
        return Writes.bulkCreate(core.target, type(), models, batchSize);
    }

    /** Updates these fields of each model (by key) in one statement; returns the affected count. */
    public CompletableFuture<Integer> bulkUpdate(List<T> models, String... fields) {
        return Writes.bulkUpdate(core.target, type(), models, fields);
    }

    /**
     * Sets fields of every matching row; values are plain values (validated with the model's
     * constraints) or {@link F} expressions. Returns the number of rows changed. A filter across
     * relations, a limit or an offset first selects the keys, then updates by key.
     */
    public CompletableFuture<Integer> update(Map<String, ?> values) {
        return Writes.update(core, values);
    }

    /**
     * As {@link #update}, giving the updated models (every field as stored after the update) in
     * key order. PostgreSQL and SQLite return them from the UPDATE itself ({@code RETURNING});
     * MySQL and MariaDB have no UPDATE … RETURNING, so there one transaction selects the matching
     * keys {@code FOR UPDATE}, updates by key and reads those rows back (as SQLite does when Oxyde
     * computes decimal arithmetic itself). Joins and prefetches of this query are not applied to
     * the models returned.
     */
    public CompletableFuture<List<T>> updateReturning(Map<String, ?> values) {
        return Writes.updateReturning(core, values);
    }

    /** Adds {@code amount} to a numeric field of every matching row, in SQL. */
    public CompletableFuture<Integer> increment(String field, Number amount) {
        return update(Map.of(field, F.col(field).add(amount)));
    }

    /** Deletes every matching row; returns how many. */
    public CompletableFuture<Integer> delete() {
        return Writes.delete(core);
    }

    /**
     * The row matching {@code lookups}, or a new one built from {@code lookups} (plain field
     * names) plus {@code defaults}. Inside a transaction the insert runs under a savepoint, so
     * losing a race to a concurrent insert (a unique violation) does not abort the transaction;
     * the winner's row is returned.
     */
    public CompletableFuture<Created<T>> getOrCreate(Map<String, ?> lookups, Map<String, ?> defaults) {
        return Writes.getOrCreate(this, core.target, type(), lookups, defaults);
    }

    /** Like {@link #getOrCreate}, but an existing row gets {@code defaults} written to it. */
    public CompletableFuture<Created<T>> updateOrCreate(Map<String, ?> lookups, Map<String, ?> defaults) {
        return Writes.updateOrCreate(this, core.target, type(), lookups, defaults);
    }

    /**
     * Inserts a model or, when it conflicts on the unique {@code conflictFields}, updates the
     * existing row's other fields ({@code INSERT … ON CONFLICT DO UPDATE}; MySQL/MariaDB use any
     * unique key). Returns the stored row.
     */
    public CompletableFuture<T> upsert(T model, String... conflictFields) {
        return Writes.upsert(this, core.target, model, conflictFields);
    }

    // ---- internals used by the API -------------------------------------------------------------

    QueryCore core() {
        return core;
    }

    static <T> Query<T> of(Class<T> type, Target target) {
        return new Query<>(new QueryCore(ModelMeta.of(type), target));
    }

    @Override
    public String toString() {
        return "Query<" + core.model().getSimpleName() + ">" + core.toIr();
    }

    /** One row as a map from column label to its Java value, in column order. */
    static Map<String, Object> rowMap(List<String> columns, Value[] row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            m.put(columns.get(i), JavaValues.toJava(row[i]));
        }
        return m;
    }

    static RawIr explainIr(Dialect dialect, SqlStatement st) {
        String prefix = dialect == Dialect.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
        return new RawIr(prefix + st.sql(), st.binds());
    }

    RowReader<T> reader(List<String> columns) {
        return ModelMapper.of(type()).reader(columns);
    }

    // ---- typed attributes (the generated metamodel, docs/typed-queries.md) -------------------

    /** Keeps rows matching a typed condition, e.g. {@code filter(Track_.NAME.startswith("A"))}. */
    public Query<T> filter(Condition<T> condition) {
        return filter(condition.q());
    }

    /** Drops rows matching a typed condition. */
    public Query<T> exclude(Condition<T> condition) {
        return exclude(condition.q());
    }

    /** Orders by typed terms: {@code orderBy(Track_.MILLISECONDS.desc(), Track_.ID.asc())}. */
    @SafeVarargs
    public final Query<T> orderBy(Order<T>... terms) {
        return orderBy(Attributes.terms(terms));
    }

    /** Loads only these fields (plus the key). */
    @SafeVarargs
    public final Query<T> select(Attribute<T, ?>... fields) {
        return select(Attributes.paths(fields));
    }

    /** Loads these foreign keys in the same query: {@code join(Track_.ALBUM.then(Album_.ARTIST))}. */
    @SafeVarargs
    public final Query<T> join(RelationAttribute<T, ?>... relations) {
        return join(Attributes.paths(relations));
    }

    /** Loads these relations with separate queries: {@code prefetch(Artist_.ALBUMS)}. */
    @SafeVarargs
    public final Query<T> prefetch(Navigable<T, ?>... relations) {
        String[] paths = new String[relations.length];
        for (int i = 0; i < relations.length; i++) {
            paths[i] = relations[i].path();
        }
        return prefetch(paths);
    }

    /** Rows of one typed value, in the field's Java type. */
    public <A> ValuesQuery<Row1<A>> values(Attribute<T, A> a) {
        return ValuesQuery.typed(valuesCore(a.path()), v -> new Row1<>(Attributes.<A>cast(v.get(0))));
    }

    /** Rows of two typed values: {@code values(Track_.NAME, Track_.MILLISECONDS)} gives {@code Row2<String, Integer>}. */
    public <A, B> ValuesQuery<Row2<A, B>> values(Attribute<T, A> a, Attribute<T, B> b) {
        return ValuesQuery.typed(valuesCore(a.path(), b.path()),
                v -> new Row2<>(Attributes.<A>cast(v.get(0)), Attributes.<B>cast(v.get(1))));
    }

    /** Rows of three typed values. */
    public <A, B, C> ValuesQuery<Row3<A, B, C>> values(Attribute<T, A> a, Attribute<T, B> b, Attribute<T, C> c) {
        return ValuesQuery.typed(valuesCore(a.path(), b.path(), c.path()),
                v -> new Row3<>(Attributes.<A>cast(v.get(0)), Attributes.<B>cast(v.get(1)), Attributes.<C>cast(v.get(2))));
    }

    /** One typed value per row, in the field's Java type. */
    public <A> ValuesQuery<A> flatValues(Attribute<T, A> a) {
        return ValuesQuery.typed(valuesCore(a.path()), v -> Attributes.<A>cast(v.get(0)));
    }

    /** The only row matching a typed condition. */
    public CompletableFuture<T> get(Condition<T> condition) {
        return filter(condition).get();
    }

    /** The only row matching a typed condition, if any. */
    public CompletableFuture<Optional<T>> getOrNone(Condition<T> condition) {
        return filter(condition).getOrNone();
    }

    /** The sum of a numeric field. */
    public CompletableFuture<BigDecimal> sum(NumberAttribute<T, ?> field) {
        return sum(field.path());
    }

    /** The average of a numeric field. */
    public CompletableFuture<BigDecimal> avg(NumberAttribute<T, ?> field) {
        return avg(field.path());
    }

    /** The smallest value of an ordered field, in its Java type. */
    public <V> CompletableFuture<V> min(ComparableAttribute<T, V> field) {
        return min(field.path());
    }

    /** The smallest value of a numeric field, in its Java type. */
    public <V extends Number> CompletableFuture<V> min(NumberAttribute<T, V> field) {
        return min(field.path());
    }

    /** The largest value of an ordered field, in its Java type. */
    public <V> CompletableFuture<V> max(ComparableAttribute<T, V> field) {
        return max(field.path());
    }

    /** The largest value of a numeric field, in its Java type. */
    public <V extends Number> CompletableFuture<V> max(NumberAttribute<T, V> field) {
        return max(field.path());
    }

    /** Sets typed values or expressions on the matching rows: {@code update(Assignments.of(Track_.UNIT_PRICE, ...))}. */
    public CompletableFuture<Integer> update(Assignments<T> values) {
        return update(values.toMap());
    }

    /** Adds {@code amount} to a numeric field on the matching rows. */
    public CompletableFuture<Integer> increment(NumberAttribute<T, ?> field, Number amount) {
        return increment(field.path(), amount);
    }

    /** Updates these fields of each model by key, in one statement. */
    @SafeVarargs
    public final CompletableFuture<Integer> bulkUpdate(List<T> models, Attribute<T, ?>... fields) {
        return bulkUpdate(models, Attributes.paths(fields));
    }

    /** Inserts, or updates on a conflict on these fields. */
    @SafeVarargs
    public final CompletableFuture<T> upsert(T model, Attribute<T, ?>... conflictFields) {
        return upsert(model, Attributes.paths(conflictFields));
    }
}
