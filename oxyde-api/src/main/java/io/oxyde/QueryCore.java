package io.oxyde;

import io.oxyde.codec.Aggregate;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Direction;
import io.oxyde.codec.Expr;
import io.oxyde.codec.FilterNode;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.LockMode;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SetOperation;
import io.oxyde.codec.SetOperator;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.internal.ir.JoinPromotion;
import io.oxyde.internal.ir.JoinStep;
import io.oxyde.internal.ir.Lookups;
import io.oxyde.internal.ir.PathSyntax;
import io.oxyde.internal.ir.Paths;
import io.oxyde.internal.ir.Resolved;
import io.oxyde.internal.ir.Target;
import io.oxyde.internal.ir.ToManySubquery;
import io.oxyde.query.SqlRenderer;
import io.oxyde.exception.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.oxyde.exception.FieldException;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ModelMeta;

/**
 * The immutable state shared by {@link Query} and {@link ValuesQuery}, and its compilation
 * to a {@link SelectIr}. Every builder method returns a changed copy; field paths are
 * resolved (and checked) as soon as they are given.
 */
final class QueryCore {

    static final SqlRenderer RENDERER = new SqlRenderer();

    /** One selected column of a values() query. */
    record ValueColumn(String key, ColumnRef column, FieldMeta field) {
    }

    /** One annotation of a values() query. */
    record Annotation(String alias, Aggregate aggregate, FieldMeta field) {
    }

    /**
     * A named expression ({@code annotate} with a {@link io.oxyde.expression.Subquery}, or an
     * aggregate over a relation of a model query): selected after {@code values(...)}, repeated
     * where a model query filters or orders on it.
     */
    record Named(String alias, Expr expr, ValueKind kind) {
    }

    final ModelMeta<?> meta;
    final Target target;
    // Read these fields directly; write through the accessors below (filters(), order(), ...):
    // a copy shares its original's collections until it first writes one (copy on write), so
    // the many short-lived copies of a fluent chain cost one object each, not a dozen.
    List<FilterNode> filters = List.of();
    Map<String, JoinStep> joins = Map.of();
    Map<String, JoinKind> joinKinds = Map.of();
    Set<String> eager = Set.of();
    List<OrderBy> order = List.of();
    Long limit;
    Long offset;
    boolean distinct;
    List<FieldMeta> only;
    List<String> prefetch = List.of();
    /** The queries of {@code Prefetch.of(path, query)}, by path (replaced, never written in place). */
    Map<String, io.oxyde.internal.ir.Prefetcher.Custom> prefetchQueries = Map.of();
    LockMode lock;
    List<SetOperation> unions = List.of();
    List<ValueColumn> values;
    List<Annotation> annotations = List.of();
    List<ColumnRef> groupBy;
    List<FilterNode> having = List.of();
    /** Named expressions, replaced (never written in place) when one is added. */
    List<Named> named = List.of();
    /** DISTINCT ON columns (PostgreSQL; replaced, never written in place). */
    List<ColumnRef> distinctOn = List.of();
    /** The join aliases (or the main table) a lock is limited to (replaced, never written in place). */
    List<String> lockOf = List.of();
    /** Bits of the collections this core owns (copied already, so it may write them). */
    private int owned;

    private static final int FILTERS = 1;
    private static final int JOINS = 1 << 1;
    private static final int EAGER = 1 << 2;
    private static final int ORDER = 1 << 3;
    private static final int PREFETCH = 1 << 4;
    private static final int UNIONS = 1 << 5;
    private static final int ANNOTATIONS = 1 << 6;
    private static final int HAVING = 1 << 7;

    QueryCore(ModelMeta<?> meta, Target target) {
        this.meta = meta;
        this.target = target;
    }

    QueryCore copy(Target newTarget) {
        QueryCore c = new QueryCore(meta, newTarget);
        c.filters = filters;
        c.joins = joins;
        c.joinKinds = joinKinds;
        c.eager = eager;
        c.order = order;
        c.limit = limit;
        c.offset = offset;
        c.distinct = distinct;
        c.only = only == null ? null : new ArrayList<>(only);
        c.prefetch = prefetch;
        c.prefetchQueries = prefetchQueries;
        c.lock = lock;
        c.unions = unions;
        c.values = values == null ? null : new ArrayList<>(values);
        c.annotations = annotations;
        c.groupBy = groupBy == null ? null : new ArrayList<>(groupBy);
        c.having = having;
        c.named = named;
        c.distinctOn = distinctOn;
        c.lockOf = lockOf;
        // neither side may now write a shared collection in place
        owned = 0;
        return c;
    }

    private boolean owns(int bit) {
        boolean was = (owned & bit) != 0;
        owned |= bit;
        return was;
    }

    /** The filters, writable. */
    List<FilterNode> filters() {
        if (!owns(FILTERS)) {
            filters = new ArrayList<>(filters);
        }
        return filters;
    }

    /** The order terms, writable. */
    List<OrderBy> order() {
        if (!owns(ORDER)) {
            order = new ArrayList<>(order);
        }
        return order;
    }

    /** The eagerly joined aliases, writable. */
    Set<String> eager() {
        if (!owns(EAGER)) {
            eager = new LinkedHashSet<>(eager);
        }
        return eager;
    }

    /** The prefetch paths, writable. */
    List<String> prefetch() {
        if (!owns(PREFETCH)) {
            prefetch = new ArrayList<>(prefetch);
        }
        return prefetch;
    }

    /** The union operations, writable. */
    List<SetOperation> unions() {
        if (!owns(UNIONS)) {
            unions = new ArrayList<>(unions);
        }
        return unions;
    }

    /** The annotations, writable. */
    List<Annotation> annotations() {
        if (!owns(ANNOTATIONS)) {
            annotations = new ArrayList<>(annotations);
        }
        return annotations;
    }

    /** The HAVING conditions, writable. */
    List<FilterNode> having() {
        if (!owns(HAVING)) {
            having = new ArrayList<>(having);
        }
        return having;
    }

    QueryCore copy() {
        return copy(target);
    }

    Class<?> model() {
        return meta.modelClass();
    }

    // ---- building --------------------------------------------------------------------------

    /**
     * Adds the joins of a path; {@code kind} is the least they need (INNER for a terminal that
     * aggregates over them); a filter's needs are added at {@link #toIr()}.
     */
    void addJoins(List<JoinStep> steps, JoinKind kind) {
        if (steps.isEmpty()) {
            return;
        }
        if (!owns(JOINS)) {
            joins = new LinkedHashMap<>(joins);
            joinKinds = new LinkedHashMap<>(joinKinds);
        }
        for (JoinStep step : steps) {
            joins.putIfAbsent(step.alias(), step);
            JoinKind old = joinKinds.get(step.alias());
            joinKinds.put(step.alias(), old == JoinKind.INNER || kind == JoinKind.INNER ? JoinKind.INNER : JoinKind.LEFT);
        }
    }

    /** A {@code filter(path, value)} condition. */
    FilterNode condition(String path, Object value) {
        return leaf(path, value, false);
    }

    /** A {@code filter(Q)} condition. */
    FilterNode compile(Q q) {
        return compile(q, false);
    }

    /** An {@code exclude(Q)} condition: the negation of {@code q}, compiled as negated. */
    FilterNode exclusion(Q q) {
        return new FilterNode.Not(compile(q, true));
    }

    /**
     * Compiles {@code q}; {@code negated} says whether an odd number of NOTs encloses it, where
     * Django's exclude rules apply (see {@link #leaf}).
     */
    private FilterNode compile(Q q, boolean negated) {
        if (q instanceof Q.Leaf leaf) {
            return leaf(leaf.path(), leaf.value(), negated);
        }
        if (q instanceof Q.Negated not) {
            return new FilterNode.Not(compile(not.child(), !negated));
        }
        if (q instanceof Q.Holds holds) {
            return Correlated.exists(this, holds.exists());
        }
        List<Q> parts = q instanceof Q.All all ? all.children() : ((Q.Any) q).children();
        List<FilterNode> children = new ArrayList<>(parts.size());
        for (Q c : parts) {
            children.add(compile(c, negated));
        }
        return q instanceof Q.All ? new FilterNode.And(children) : new FilterNode.Or(children);
    }

    /**
     * One condition. Its joins are LEFT unless the whole filter needs their rows ({@link
     * JoinPromotion}, at {@link #toIr()}). Under negation it is made two-valued, so that NOT
     * keeps the rows it does not match (Django's exclude is the complement of filter): a path
     * across a to-many relation becomes a subquery ({@link ToManySubquery}); a comparison on a
     * nullable column or across a foreign key also requires the column to be non-NULL.
     */
    private FilterNode leaf(String path, Object value, boolean negated) {
        Named annotation = namedIn(path);
        if (annotation != null) {
            return NamedFilter.of(this, annotation, path, value, negated);
        }
        if (CompositeKeyIn.applies(meta, path)) {
            return CompositeKeyIn.condition(this, path, value);
        }
        FilterNode json = JsonLookups.condition(this, path, value, negated);
        if (json != null) {
            return json;
        }
        Resolved r = Paths.resolve(meta, path, true);
        Lookup lookup = r.lookup() == null ? Lookup.EQ : r.lookup();
        FilterNode c;
        boolean twoValued;
        if (io.oxyde.internal.ir.CompositeForeignKeyFilter.applies(r)) {
            if (value instanceof io.oxyde.expression.Expression || value instanceof io.oxyde.expression.OuterRef
                    || value instanceof F || SubqueryOperand.isQuery(value)) {
                throw io.oxyde.internal.ir.CompositeForeignKeyFilter.unsupportedOperand(r, value);
            }
            c = io.oxyde.internal.ir.CompositeForeignKeyFilter.condition(r, lookup, value);
            twoValued = true;
        } else if (value instanceof io.oxyde.expression.OuterRef ref) {
            refuseNegatedToMany(r, negated);
            addJoins(r.joins(), JoinKind.LEFT);
            return Correlated.outerCondition(r, lookup, ref, negated);
        } else if (value instanceof io.oxyde.expression.FunctionCall fc) {
            refuseNegatedToMany(r, negated);
            addJoins(r.joins(), JoinKind.LEFT);
            FunctionExprs.Typed t = FunctionExprs.of(this, fc);
            if (WindowExprs.holdsWindow(t.expr())) {
                throw new FieldException(r.owner().modelClass(), path, "a window function cannot be a filter operand:"
                        + " SQL computes windows after WHERE", List.of());
            }
            java.util.Set<Lookup> ok = java.util.EnumSet.of(Lookup.EQ, Lookup.NE, Lookup.GT, Lookup.GTE, Lookup.LT, Lookup.LTE);
            if (!ok.contains(lookup)) {
                throw new FieldException(r.owner().modelClass(), r.field().name(), "a function is compared with eq, ne, gt,"
                        + " gte, lt or lte, not with \"" + lookup.wireName() + "\"", List.of("eq", "ne", "gt", "gte", "lt", "lte"));
            }
            FilterNode cmp = new FilterNode.Compare(r.column(), lookup, t.expr(),
                    Lookups.valueKind(r.field()) == ValueKind.DECIMAL || t.kind() == ValueKind.DECIMAL);
            return negated && lookup != Lookup.NE ? new FilterNode.And(List.of(cmp, new FilterNode.Test(t.expr(),
                    Lookup.ISNULL, new Expr.Literal(Value.Bool.FALSE), false), new FilterNode.Condition(r.column(),
                    Lookup.ISNULL, Value.Bool.FALSE))) : cmp;
        } else if (value instanceof io.oxyde.expression.Subquery sq) {
            refuseNegatedToMany(r, negated);
            addJoins(r.joins(), JoinKind.LEFT);
            return Correlated.subqueryCondition(this, r, lookup, sq, negated);
        } else if (SubqueryOperand.isQuery(value)) {
            c = SubqueryOperand.condition(r.owner().modelClass(), r.field(), r.column(), lookup, value);
            twoValued = false;
        } else if (value instanceof F f) {
            return ColumnComparison.of(this, r, lookup, f, negated);
        } else {
            Value operand = Lookups.operand(r.owner().modelClass(), r.field(), lookup, value);
            c = new FilterNode.Condition(r.column(), lookup, operand);
            twoValued = lookup == Lookup.ISNULL || lookup == Lookup.NE || operand.kind() == ValueKind.NULL;
        }
        int toMany = negated ? ToManySubquery.firstToMany(r.joins()) : -1;
        if (toMany >= 0) {
            addJoins(r.joins().subList(0, toMany), JoinKind.LEFT);
            return ToManySubquery.positive(r.joins(), toMany, c);
        }
        addJoins(r.joins(), JoinKind.LEFT);
        if (negated && !twoValued && (r.field().nullable() || r.alias() != null)) {
            return new FilterNode.And(List.of(c, new FilterNode.Condition(r.column(), Lookup.ISNULL, Value.Bool.FALSE)));
        }
        return c;
    }

    /** The named expression a filter path starts with ({@code "n"} of {@code "n__gt"}), or {@code null}. */
    Named namedIn(String path) {
        if (named.isEmpty()) {
            return null;
        }
        int cut = path.indexOf(io.oxyde.internal.ir.PathSyntax.SEPARATOR);
        String head = cut < 0 ? path : path.substring(0, cut);
        for (Named n : named) {
            if (n.alias().equals(head)) {
                return n;
            }
        }
        return null;
    }

    /** Refuses an annotation alias that is a field, a relation or already taken. */
    void checkNamedAlias(String alias) {
        io.oxyde.internal.ir.PathSyntax.checkAlias(model(), alias);
        if (meta.field(alias).isPresent() || Paths.pathNames(meta).contains(alias) || namedIn(alias) != null
                || annotations.stream().anyMatch(a -> a.alias().equals(alias))) {
            throw new FieldException(model(), alias, "annotation alias clashes with a field, a relation or another"
                    + " annotation", List.of());
        }
    }

    /** Adds a named expression (its alias checked by {@link #checkNamedAlias}). */
    void addNamed(Named n) {
        checkNamedAlias(n.alias());
        List<Named> next = new ArrayList<>(named);
        next.add(n);
        named = List.copyOf(next);
    }

    private static void refuseNegatedToMany(Resolved r, boolean negated) {
        if (negated && ToManySubquery.firstToMany(r.joins()) >= 0) {
            throw new FieldException(r.owner().modelClass(), r.field().name(), "a comparison with a subquery across a"
                    + " to-many relation cannot be negated (exclude, Q.not) in path \"" + r.path() + "\"; use"
                    + " exclude(Exists.of(...)) on the relation's model instead", List.of());
        }
    }

    /**
     * The ORDER BY terms for "field", "-field", "?" or an annotation alias: one, or one per
     * column of a foreign key to a composite key (in key order).
     */
    List<OrderBy> orderTerms(String spec) {
        String path = spec.startsWith("-") ? spec.substring(1) : spec;
        if (!"?".equals(spec) && unions.isEmpty() && namedIn(path) == null
                && annotations.stream().noneMatch(a -> a.alias().equals(path))) {
            Resolved r = Paths.resolve(meta, path, false);
            if (io.oxyde.internal.model.CompositeForeignKeys.isPart(r.field())) {
                addJoins(r.joins(), JoinKind.LEFT);
                Direction dir = spec.startsWith("-") ? Direction.DESC : Direction.ASC;
                return r.columns().stream().map(column -> new OrderBy(column, dir)).toList();
            }
        }
        return List.of(orderTerm(spec));
    }

    /** An ORDER BY term for "field", "-field", "?" or an annotation alias. */
    OrderBy orderTerm(String spec) {
        if ("?".equals(spec)) {
            return OrderBy.random();
        }
        boolean desc = spec.startsWith("-");
        String path = desc ? spec.substring(1) : spec;
        Direction dir = desc ? Direction.DESC : Direction.ASC;
        for (Annotation a : annotations) {
            if (a.alias().equals(path)) {
                return new OrderBy(ColumnRef.of(a.alias()), dir);
            }
        }
        for (Named n : named) {
            if (n.alias().equals(path)) {
                // after values() the alias is a select-list column; a model query repeats the expression
                return values != null ? new OrderBy(ColumnRef.of(n.alias()), dir) : OrderBy.of(n.expr(), dir);
            }
        }
        if (!unions.isEmpty()) {
            FieldMeta f = meta.field(path).orElseThrow(() -> new FieldException(model(), path,
                    "a union is ordered by the model's own fields", Paths.fieldNames(meta)));
            return new OrderBy(ColumnRef.of(io.oxyde.internal.model.CompositeForeignKeys.single(model(), f, path).column()),
                    dir, orderKind(f));
        }
        Resolved r = Paths.resolve(meta, path, false);
        addJoins(r.joins(), JoinKind.LEFT);
        return new OrderBy(r.column(), dir, orderKind(r.field()));
    }

    /** The kind an ORDER BY term carries (protocol 1.2): only those whose stored form orders differently. */
    static io.oxyde.codec.ValueKind orderKind(FieldMeta f) {
        if (f == null || f.isForeignKey()) {
            return null;
        }
        return switch (f.kind()) {
            case DATE_TIME, TIMESTAMP, TIME, DECIMAL -> f.kind();
            default -> null;
        };
    }

    /**
     * The join steps of a path made of foreign keys only ({@code "album__artist"}): one per key,
     * aliased by the path so far; a part that is not a foreign key is a {@link FieldException}
     * saying {@code problem}.
     */
    private List<JoinStep> foreignKeySteps(String path, String problem) {
        String[] parts = PathSyntax.split(model(), path, meta.foreignKeys().stream().map(FieldMeta::name).toList());
        ModelMeta<?> current = meta;
        String alias = null;
        List<JoinStep> steps = new ArrayList<>();
        for (String part : parts) {
            ModelMeta<?> owner = current;
            FieldMeta fk = owner.field(part).filter(FieldMeta::isForeignKey).orElseThrow(() -> new FieldException(
                    owner.modelClass(), part, problem, owner.foreignKeys().stream().map(FieldMeta::name).toList()));
            String next = alias == null ? part : alias + "__" + part;
            ModelMeta<?> targetMeta = ModelMeta.of(fk.foreignKey().target());
            steps.add(new JoinStep(next, alias, fk, targetMeta));
            alias = next;
            current = targetMeta;
        }
        return steps;
    }

    /** Eager-loads a FK path (and every FK on the way) through LEFT joins in the same query. */
    void eagerJoin(String path) {
        List<JoinStep> steps = foreignKeySteps(path, "join(...) needs a foreign key");
        addJoins(steps, JoinKind.LEFT);
        for (JoinStep s : steps) {
            eager().add(s.alias());
        }
    }

    /** Refuses a set operation that cannot follow the ones already there (see {@link SetOperator}). */
    void checkSetOperation(SetOperator op) {
        if (!unions.isEmpty() && !op.combinesWith(unions.get(unions.size() - 1).operator())) {
            SetOperator last = unions.get(unions.size() - 1).operator();
            throw new IllegalStateException(model().getSimpleName() + " query: " + op.wireName() + "(...) cannot follow "
                    + last.wireName() + "(...): the databases disagree on which binds first; intersect and except"
                    + " combine only with themselves (nest the other operation in a filter(\"id__in\", query) instead)");
        }
    }

    /** A row lock with NOWAIT or SKIP LOCKED, refused at once where the dialect has no row locks. */
    void lock(boolean shared, LockOption option) {
        java.util.Objects.requireNonNull(option, "option");
        LockMode.Wait wait = option == LockOption.NOWAIT ? LockMode.Wait.NOWAIT : LockMode.Wait.SKIP_LOCKED;
        if (!target.dialect().supportsRowLocks()) {
            throw new UnsupportedFeatureException((shared ? "forShare(" : "forUpdate(") + option + ")", target.dialect(),
                    "SQLite has no row locks (a writer locks the whole database), so there is nothing to skip or fail"
                    + " on; claim rows with an update, or use PostgreSQL, MySQL or MariaDB (query on " + model().getSimpleName()
                    + ")");
        }
        this.lock = LockMode.of(shared, wait);
    }

    /** {@code FOR UPDATE OF} the tables of these paths: each FK path joined INNER, {@code "self"} the model. */
    void lockOf(LockOf of) {
        java.util.Objects.requireNonNull(of, "of");
        if (target.dialect() == io.oxyde.dialect.Dialect.MARIADB) {
            throw new UnsupportedFeatureException("forUpdate(" + of + ")", target.dialect(), "MariaDB has no FOR UPDATE"
                    + " OF: a locking select locks the rows of every table it reads; lock one table's rows with a query"
                    + " on that model alone (db.objects(Album.class).filter(\"id__in\", ...).forUpdate()) (query on "
                    + model().getSimpleName() + ")");
        }
        List<String> aliases = new ArrayList<>();
        for (String path : of.paths()) {
            if (LockOf.SELF.equals(path)) {
                aliases.add(meta.tableName());
                continue;
            }
            List<JoinStep> steps = foreignKeySteps(path, "forUpdate(LockOf.of(\"" + path + "\")) names foreign-key"
                    + " paths or \"self\"");
            // INNER: PostgreSQL cannot lock the nullable side of an outer join
            addJoins(steps, JoinKind.INNER);
            aliases.add(steps.get(steps.size() - 1).alias());
        }
        this.lock = LockMode.UPDATE;
        this.lockOf = List.copyOf(aliases);
    }

    /** An UPDATE expression: its columns are the model's own. */
    Expr expr(F f) {
        return f.toExpr(name -> new Expr.Column(io.oxyde.internal.model.CompositeForeignKeys.single(model(),
                meta.field(name).orElseThrow(() -> new FieldException(model(), name, "unknown field in F expression",
                        Paths.fieldNames(meta))), name).column()));
    }

    FilterNode where() {
        if (filters.isEmpty()) {
            return null;
        }
        return filters.size() == 1 ? filters.get(0) : new FilterNode.And(filters);
    }

    // ---- compiling ----------------------------------------------------------------------------

    /** The model columns selected (all, or the key plus select(...) fields). */
    List<FieldMeta> selectedFields() {
        if (only == null) {
            return meta.fields();
        }
        List<FieldMeta> out = new ArrayList<>(meta.primaryKeys());
        for (FieldMeta f : only) {
            if (!f.primaryKey()) {
                out.add(f);
            }
        }
        return out;
    }

    /** The select and the kinds the driver should read its columns as. */
    SelectIr toIr() {
        SelectIr.Builder b = SelectIr.from(meta.tableName()).model(model().getSimpleName());
        if (values != null) {
            for (ValueColumn v : values) {
                b.column(v.column());
            }
            for (Annotation a : annotations) {
                b.aggregate(a.aggregate());
            }
            for (Named n : named) {
                b.annotation(new io.oxyde.codec.Annotation(n.alias(), n.expr()));
            }
            List<ColumnRef> groups = groupBy;
            if (groups == null && !annotations.isEmpty()) {
                groups = new ArrayList<>(values.stream().map(ValueColumn::column).toList());
                // named expressions group too (Django groups by every non-aggregate annotation)
                for (Named n : named) {
                    groups.add(ColumnRef.of(n.alias()));
                }
            }
            if (groups != null) {
                groups.forEach(b::groupBy);
            }
            if (!having.isEmpty()) {
                b.having(having.size() == 1 ? having.get(0) : new FilterNode.And(having));
            }
        } else if (only == null) {
            b.columns(ModelColumns.of(meta).columns()); // the kept immutable list, not a copy
        } else {
            for (FieldMeta f : selectedFields()) {
                b.column(ColumnRef.of(f.column()));
            }
        }
        Set<String> inner = joins.isEmpty() ? Set.of() : JoinPromotion.innerAliases(where(), joins.values());
        if (!joins.isEmpty()) { // (an empty map's entry set is still made and walked)
            for (Map.Entry<String, JoinStep> e : joins.entrySet()) {
                JoinStep step = e.getValue();
                List<String> cols = values == null && eager.contains(e.getKey())
                        ? step.target().fields().stream().map(FieldMeta::column).toList() : List.of();
                JoinKind kind = inner.contains(e.getKey()) ? JoinKind.INNER : joinKinds.get(e.getKey());
                b.join(step.toJoin(kind, cols));
            }
        }
        b.filter(where()).distinct(distinct).limit(limit).offset(offset).lock(lock);
        for (int i = 0; i < order.size(); i++) { // (no iterator: this runs on every call)
            b.orderBy(order.get(i));
        }
        if (!distinctOn.isEmpty()) {
            checkDistinctOnOrder();
            distinctOn.forEach(b::distinctOn);
        }
        if (lock != null) {
            lockOf.forEach(b::lockOf);
        }
        for (int i = 0; i < unions.size(); i++) {
            SetOperation op = unions.get(i);
            b.union(op.operator(), op.query());
        }
        return b.build();
    }

    /**
     * PostgreSQL wants an ordered DISTINCT ON query's ORDER BY to start with the DISTINCT ON
     * columns (it keeps the first row of each group by that order); refused here, naming both.
     */
    private void checkDistinctOnOrder() {
        if (order.isEmpty()) {
            return;
        }
        Set<ColumnRef> lead = new java.util.HashSet<>();
        for (int i = 0; i < Math.min(order.size(), distinctOn.size()); i++) {
            lead.add(order.get(i).column());
        }
        if (order.size() < distinctOn.size() || !lead.equals(new java.util.HashSet<>(distinctOn))) {
            throw new IllegalStateException(model().getSimpleName() + " query: distinctOn(" + distinctOn + ") needs the"
                    + " order to start with the same fields (PostgreSQL keeps the first row of each group by that order),"
                    + " found orderBy " + order.stream().map(o -> String.valueOf(o.column())).toList());
        }
    }

    /** The kinds of the columns of {@link #toIr()} in order ({@code null} = as read). */
    List<ValueKind> kinds() {
        if (values == null && only == null && eager.isEmpty()) {
            return ModelColumns.of(meta).kinds();
        }
        List<ValueKind> kinds = new ArrayList<>();
        if (values != null) {
            for (ValueColumn v : values) {
                kinds.add(kindOf(v.field()));
            }
            for (Annotation a : annotations) {
                kinds.add(null);
            }
            for (Named n : named) {
                // a truncated date-time is read as one (SQLite gives its text); the rest as the database gives them
                kinds.add(n.expr() instanceof Expr.Call c && c.function().wireName().startsWith("trunc_")
                        ? ValueKind.DATE_TIME : null);
            }
            return kinds;
        }
        for (FieldMeta f : selectedFields()) {
            kinds.add(kindOf(f));
        }
        for (Map.Entry<String, JoinStep> e : joins.entrySet()) {
            if (eager.contains(e.getKey())) {
                for (FieldMeta f : e.getValue().target().fields()) {
                    kinds.add(kindOf(f));
                }
            }
        }
        return kinds;
    }

    static ValueKind kindOf(FieldMeta f) {
        return f.kind() == ValueKind.ARRAY ? null : f.kind();
    }

    /** Refuses a negative row count at the builder call, naming the argument. */
    static void nonNegative(String argument, long n) {
        if (n < 0) {
            throw new IllegalArgumentException(argument + "(n) needs n >= 0, got " + n);
        }
    }
}
