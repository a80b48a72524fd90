package io.oxyde.query.internal;

import io.oxyde.codec.Aggregate;
import io.oxyde.codec.ColumnRef;
import io.oxyde.codec.Direction;
import io.oxyde.codec.Join;
import io.oxyde.codec.JoinKind;
import io.oxyde.codec.LockMode;
import io.oxyde.codec.OrderBy;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.SelectMode;
import io.oxyde.codec.SetOperation;
import io.oxyde.codec.SetOperator;
import io.oxyde.codec.Value;
import io.oxyde.dialect.Dialect;
import io.oxyde.exception.RenderException;
import io.oxyde.exception.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectForUpdateStep;
import org.jooq.SelectForUpdateWaitStep;
import org.jooq.SelectHavingStep;
import org.jooq.SelectJoinStep;
import org.jooq.SelectLimitStep;
import org.jooq.SelectOrderByStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Translates a {@link SelectIr} (rows, count or exists) into one jOOQ select. */
final class SelectCompiler {
    /** The LIMIT standing for "no limit" where OFFSET needs one (SQLite, MySQL, MariaDB). */
    static final long NO_LIMIT = Long.MAX_VALUE;

    private SelectCompiler() {
    }

    public static CompiledStatement compile(SelectIr s, Binder b) {
        String description = "select on " + s.table();
        Select<?> body = select(s, b, description, s.mode() == SelectMode.ROWS, false, null);
        if (s.mode() == SelectMode.COUNT) {
            return b.finish(b.ctx().selectCount().from(body.asTable("oxyde_count")));
        }
        if (s.mode() == SelectMode.EXISTS) {
            return b.finish(b.ctx().select(DSL.field(DSL.exists(body))));
        }
        return b.finish(body);
    }

    /** A select of one column nested in another statement (IN subquery), bound through {@code b}. */
    @SuppressWarnings("unchecked")
    static Select<? extends Record1<Object>> subquery(SelectIr s, Binder b, String description) {
        return (Select<? extends Record1<Object>>) select(s, b, description, false, false, null);
    }

    /**
     * A select nested in the statement of scope {@code outer}: its relations are renamed apart
     * from the enclosing ones, and its outer column references resolve against {@code outer}.
     */
    @SuppressWarnings("unchecked")
    static Select<? extends Record1<Object>> correlated(SelectIr s, Binder b, String description, Scope outer) {
        return (Select<? extends Record1<Object>>) select(s, b, description, false, false, outer);
    }

    private static Select<?> select(SelectIr s, Binder b, String description, boolean lock, boolean part,
                                    Scope outer) {
        Dialect d = b.dialect();
        Scope scope = outer == null ? new Scope(s.table(), description) : outer.nested(s.table(), description);
        for (int i = 0; i < s.joins().size(); i++) {
            scope.addJoin(s.joins().get(i), "joins[" + i + "]");
        }
        List<SelectFieldOrAsterisk> fields = new ArrayList<>();
        if (s.columns().isEmpty() && s.aggregates().isEmpty() && s.annotations().isEmpty()) {
            // No columns: every column of the main table; with aggregates, only the aggregates.
            fields.add(scope.mainTable().asterisk());
        } else {
            for (int i = 0; i < s.columns().size(); i++) {
                fields.add(scope.column(s.columns().get(i), "columns[" + i + "]"));
            }
        }
        for (Join j : s.joins()) {
            for (String c : j.columns()) {
                fields.add(DSL.field(DSL.quotedName(scope.joinName(j.alias()), c)).as(DSL.quotedName(j.alias() + "__" + c)));
            }
        }
        Map<String, Field<?>> aggregates = new LinkedHashMap<>();
        for (int i = 0; i < s.aggregates().size(); i++) {
            Aggregate a = s.aggregates().get(i);
            if (aggregates.containsKey(a.alias())) {
                throw new RenderException("aggregates[" + i + "] of " + description + ": alias '" + a.alias() + "' is used twice");
            }
            Field<?> f = aggregate(a, scope, "aggregates[" + i + "]");
            aggregates.put(a.alias(), f);
            fields.add(f.as(DSL.quotedName(a.alias())));
        }
        Map<String, Field<?>> annotations = new LinkedHashMap<>();
        for (int i = 0; i < s.annotations().size(); i++) {
            io.oxyde.codec.Annotation a = s.annotations().get(i);
            String at = "annotations[" + i + "] (" + a.alias() + ") of " + description;
            if (aggregates.containsKey(a.alias()) || annotations.containsKey(a.alias())) {
                throw new RenderException(at + ": alias '" + a.alias() + "' is used twice");
            }
            Field<?> f = Expressions.build(a.expr(), scope::column, scope, b, at);
            annotations.put(a.alias(), f);
            fields.add(f.as(DSL.quotedName(a.alias())));
        }

        SelectJoinStep<Record> from;
        if (!s.distinctOn().isEmpty()) {
            // revision 1.3: DISTINCT ON is PostgreSQL's own
            if (d != Dialect.POSTGRES) {
                throw new UnsupportedFeatureException("DISTINCT ON", d, "only PostgreSQL has it; keep one row per group"
                        + " with a window instead (annotate Window.of(RowNumber.of()).partitionBy(...).orderBy(...) and keep"
                        + " the rows numbered 1 as you read them), or group with values(...).annotate(...) (" + description
                        + ")");
            }
            List<SelectFieldOrAsterisk> on = new ArrayList<>();
            for (int i = 0; i < s.distinctOn().size(); i++) {
                on.add(scope.column(s.distinctOn().get(i), "distinctOn[" + i + "]"));
            }
            from = b.ctx().select(fields).distinctOn(on).from(scope.mainTable());
        } else {
            from = (s.distinct() ? b.ctx().selectDistinct(fields) : b.ctx().select(fields)).from(scope.mainTable());
        }
        for (Join j : s.joins()) {
            Condition on = DSL.noCondition();
            for (io.oxyde.codec.JoinPair pair : j.pairs()) {
                on = on.and(scope.column(pair.left(), "join '" + j.alias() + "'")
                        .eq(DSL.field(DSL.quotedName(scope.joinName(j.alias()), pair.rightColumn()))));
            }
            var joined = DSL.table(DSL.quotedName(j.table())).as(DSL.quotedName(scope.joinName(j.alias())));
            from = j.kind() == JoinKind.INNER ? from.join(joined).on(on) : from.leftJoin(joined).on(on);
        }
        Condition where = s.filter() == null ? DSL.noCondition()
                : new Conditions(b, scope::column, "filter of " + description).in(scope).build(s.filter());
        List<Field<?>> groups = new ArrayList<>();
        for (int i = 0; i < s.groupBy().size(); i++) {
            ColumnRef g = s.groupBy().get(i);
            // a group_by column naming an annotation groups by it (revision 1.2), through its output
            // name: repeating the expression would repeat its bind parameters, which PostgreSQL
            // does not recognise as the same expression
            groups.add(g.source() == null && annotations.containsKey(g.column()) ? DSL.field(DSL.quotedName(g.column()))
                    : scope.column(g, "groupBy[" + i + "]"));
        }
        // groupBy(empty) would render GROUP BY () (one group); only group when asked to.
        SelectHavingStep<Record> grouped = groups.isEmpty() ? from.where(where) : from.where(where).groupBy(groups);
        SelectOrderByStep<Record> body = grouped;
        if (s.having() != null) {
            body = grouped.having(new Conditions(b, (ref, at) -> {
                Field<?> f = ref.source() == null ? aggregates.get(ref.column()) : null;
                if (f == null) {
                    throw new RenderException(at + ": '" + ref + "' is not an aggregate alias of this query (aliases: "
                            + aggregates.keySet() + ")");
                }
                return f.coerce(Object.class);
            }, "having of " + description).in(scope).build(s.having()));
        }
        if (part) {
            if (!s.orderBy().isEmpty() || s.limit() != null || s.offset() != null || s.lock() != null
                    || !s.setOperations().isEmpty() || s.mode() != SelectMode.ROWS) {
                throw new RenderException(description + ": a union part may not have order by, limit, offset, lock, "
                        + "nested set operations or a count/exists mode (apply them to the combined query)");
            }
            return body;
        }
        for (int i = 0; i < s.setOperations().size(); i++) {
            SetOperation op = s.setOperations().get(i);
            Select<Record> other = (Select<Record>) select(op.query(), b, "setOperations[" + i + "] (select on "
                    + op.query().table() + ") of " + description, false, true, outer);
            if (i > 0 && !op.operator().combinesWith(s.setOperations().get(i - 1).operator())) {
                throw new RenderException("setOperations[" + i + "] of " + description + ": " + op.operator()
                        + " cannot follow " + s.setOperations().get(i - 1).operator()
                        + " (the dialects disagree on which binds first)");
            }
            switch (op.operator()) {
                case UNION -> body = body.union(other);
                case UNION_ALL -> body = body.unionAll(other);
                case INTERSECT -> body = body.intersect(other);
                default -> body = body.except(other);
            }
        }
        boolean union = !s.setOperations().isEmpty();
        List<OrderField<?>> order = new ArrayList<>();
        for (int i = 0; i < s.orderBy().size(); i++) {
            OrderBy o = s.orderBy().get(i);
            if (o.direction() == Direction.RANDOM) {
                order.add(DSL.rand());
                continue;
            }
            if (o.expr() != null) {
                if (union) {
                    throw new RenderException("orderBy[" + i + "] of " + description
                            + ": a union is ordered by output column names, not by an expression");
                }
                Field<?> e = Expressions.build(o.expr(), scope::column, scope, b, "orderBy[" + i + "] of " + description);
                order.add(o.direction() == Direction.DESC ? e.desc() : e.asc());
                continue;
            }
            ColumnRef ref = o.column();
            Field<?> f;
            if (ref.source() == null && (aggregates.containsKey(ref.column()) || annotations.containsKey(ref.column()))) {
                f = DSL.field(DSL.quotedName(ref.column()));
            } else if (union) {
                if (ref.source() != null) {
                    throw new RenderException("orderBy[" + i + "] of " + description
                            + ": a union is ordered by output column names, not by '" + ref + "'");
                }
                f = DSL.field(DSL.quotedName(ref.column()));
            } else {
                f = scope.column(ref, "orderBy[" + i + "]");
            }
            if (d == Dialect.SQLITE && o.kind() != null) { // times and decimals are text there
                f = SqliteTimes.orderable(DSL.field("{0}", Object.class, f), o.kind());
            }
            order.add(o.direction() == Direction.DESC ? f.desc() : f.asc());
        }
        SelectLimitStep<Record> ordered = body.orderBy(order);
        SelectForUpdateStep<Record> limited = ordered;
        Long limit = s.limit();
        Long offset = s.offset();
        if (offset != null && limit == null && d != Dialect.POSTGRES) {
            limit = NO_LIMIT;
        }
        if (limit != null && limit < 0 || offset != null && offset < 0) {
            throw new RenderException(description + ": limit and offset must not be negative (limit " + s.limit()
                    + ", offset " + s.offset() + ")");
        }
        if (limit != null && offset != null) {
            limited = ordered.limit(limitField(limit)).offset(limitField(offset));
        } else if (limit != null) {
            limited = ordered.limit(limitField(limit));
        } else if (offset != null) {
            limited = ordered.offset(limitField(offset));
        }
        if (lock && s.lock() != null) {
            List<org.jooq.Table<?>> of = new ArrayList<>();
            for (String alias : s.lockOf()) {
                of.add(alias.equals(s.table()) && s.joins().stream().noneMatch(j -> j.alias().equals(alias))
                        ? scope.mainTable() : DSL.table(DSL.quotedName(scope.joinName(alias))));
            }
            return lock(limited, s.lock(), of, d, description);
        }
        return limited;
    }

    /**
     * FOR UPDATE / FOR SHARE with NOWAIT or SKIP LOCKED. SQLite has no row locks: a plain lock
     * is omitted (it locks the database file when writing), NOWAIT and SKIP LOCKED are refused,
     * since skipping nothing would hand every worker the same rows.
     */
    private static Select<?> lock(SelectForUpdateStep<Record> select, LockMode mode, List<org.jooq.Table<?>> of,
                                  Dialect d, String description) {
        if (!d.supportsRowLocks()) {
            if (mode.waitMode() == LockMode.Wait.WAIT) {
                return select;
            }
            throw new UnsupportedFeatureException((mode.shared() ? "FOR SHARE " : "FOR UPDATE ")
                    + (mode.waitMode() == LockMode.Wait.NOWAIT ? "NOWAIT" : "SKIP LOCKED"), d, "SQLite has no row locks"
                    + " (a writer locks the whole database); claim rows with an UPDATE, or use PostgreSQL, MySQL or"
                    + " MariaDB (" + description + ")");
        }
        if (!of.isEmpty() && d == Dialect.MARIADB) {
            throw new UnsupportedFeatureException((mode.shared() ? "FOR SHARE" : "FOR UPDATE") + " OF", d, "MariaDB locks"
                    + " the rows of every table a locking select reads; lock only one table's rows with a select of"
                    + " that model alone (filter(\"id__in\", ...).forUpdate()) (" + description + ")");
        }
        SelectForUpdateWaitStep<Record> locked;
        if (of.isEmpty()) {
            locked = mode.shared() ? select.forShare() : select.forUpdate();
        } else {
            locked = mode.shared() ? select.forShare().of(of.toArray(new org.jooq.Table<?>[0]))
                    : select.forUpdate().of(of.toArray(new org.jooq.Table<?>[0]));
        }
        return switch (mode.waitMode()) {
            case NOWAIT -> locked.noWait();
            case SKIP_LOCKED -> locked.skipLocked();
            default -> locked;
        };
    }

    /** LIMIT/OFFSET are part of the template (not slots): bound as plan constants, never inlined. */
    private static org.jooq.Param<Long> limitField(long n) {
        // A typed jOOQ Param keeps LIMIT ? native on MySQL/MariaDB (an expression would trigger
        // jOOQ's ROW_NUMBER() emulation); the long is extracted as a constant bind.
        return DSL.val(n, SQLDataType.BIGINT);
    }

    private static Field<?> aggregate(Aggregate a, Scope scope, String where) {
        if (a.column() == null) {
            return DSL.count();
        }
        Field<Object> col = scope.column(a.column(), where);
        Field<java.math.BigDecimal> num = col.coerce(SQLDataType.NUMERIC);
        return switch (a.function()) {
            case COUNT -> a.distinct() ? DSL.countDistinct(col) : DSL.count(col);
            case SUM -> a.distinct() ? DSL.sumDistinct(num) : DSL.sum(num);
            case AVG -> a.distinct() ? DSL.avgDistinct(num) : DSL.avg(num);
            case MIN -> a.distinct() ? DSL.minDistinct(col) : DSL.min(col);
            case MAX -> a.distinct() ? DSL.maxDistinct(col) : DSL.max(col);
            default -> throw new RenderException(where + ": unknown aggregate " + a.function());
        };
    }

}
