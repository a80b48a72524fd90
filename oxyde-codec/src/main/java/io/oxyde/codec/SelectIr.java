package io.oxyde.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A SELECT: everything {@code db.objects(M.class)…all()/count()/exists()} can ask for.
 *
 * @param model the model's name, for messages and logs only (may be {@code null})
 * @param table the main table
 * @param columns the selected columns; empty selects every column of the main table
 * @param distinct SELECT DISTINCT
 * @param filter the WHERE tree, or {@code null}
 * @param joins joins in the order they are rendered
 * @param orderBy ORDER BY terms
 * @param limit LIMIT, or {@code null}
 * @param offset OFFSET, or {@code null}
 * @param aggregates aggregate columns appended to the select list
 * @param groupBy GROUP BY columns
 * @param having the HAVING tree (conditions name aggregate aliases), or {@code null}
 * @param lock FOR UPDATE / FOR SHARE, or {@code null}
 * @param setOperations UNION / UNION ALL parts appended in order
 * @param mode rows, count or exists
 * @param annotations named expressions appended to the select list after the aggregates
 *     (protocol revision 1.2)
 * @param distinctOn PostgreSQL's {@code DISTINCT ON (…)}: one row per distinct value of these
 *     columns, the first by the order (protocol revision 1.3); empty for none
 * @param lockOf {@code FOR UPDATE OF …}: the join aliases (or {@code table} itself) whose rows
 *     the lock takes (protocol revision 1.3); empty locks the rows of every table
 */
public record SelectIr(String model, String table, List<ColumnRef> columns, boolean distinct,
                       FilterNode filter, List<Join> joins, List<OrderBy> orderBy, Long limit,
                       Long offset, List<Aggregate> aggregates, List<ColumnRef> groupBy,
                       FilterNode having, LockMode lock, List<SetOperation> setOperations,
                       SelectMode mode, List<Annotation> annotations, List<ColumnRef> distinctOn,
                       List<String> lockOf) implements QueryIr {

    /** A select without DISTINCT ON and lock targets (protocol revision 1.2 and before). */
    public SelectIr(String model, String table, List<ColumnRef> columns, boolean distinct,
                    FilterNode filter, List<Join> joins, List<OrderBy> orderBy, Long limit,
                    Long offset, List<Aggregate> aggregates, List<ColumnRef> groupBy,
                    FilterNode having, LockMode lock, List<SetOperation> setOperations,
                    SelectMode mode, List<Annotation> annotations) {
        this(model, table, columns, distinct, filter, joins, orderBy, limit, offset, aggregates, groupBy,
                having, lock, setOperations, mode, annotations, List.of(), List.of());
    }

    /** A select without annotations (protocol revision 1.1 and before). */
    public SelectIr(String model, String table, List<ColumnRef> columns, boolean distinct,
                    FilterNode filter, List<Join> joins, List<OrderBy> orderBy, Long limit,
                    Long offset, List<Aggregate> aggregates, List<ColumnRef> groupBy,
                    FilterNode having, LockMode lock, List<SetOperation> setOperations,
                    SelectMode mode) {
        this(model, table, columns, distinct, filter, joins, orderBy, limit, offset, aggregates, groupBy,
                having, lock, setOperations, mode, List.of());
    }

    public SelectIr {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        joins = List.copyOf(joins);
        orderBy = List.copyOf(orderBy);
        aggregates = List.copyOf(aggregates);
        groupBy = List.copyOf(groupBy);
        setOperations = List.copyOf(setOperations);
        Objects.requireNonNull(mode, "mode");
        annotations = List.copyOf(annotations);
        distinctOn = List.copyOf(distinctOn);
        lockOf = List.copyOf(lockOf);
    }

    @Override
    public Operation operation() {
        return Operation.SELECT;
    }

    /** Starts a select of every column of {@code table}. */
    public static Builder from(String table) {
        return new Builder(table);
    }

    /** A builder that starts from this select, for small changes. */
    public Builder toBuilder() {
        Builder b = new Builder(table);
        b.model = model;
        b.columns = columns; // the record's own (immutable) list: copied on the first add
        b.distinct = distinct;
        b.filter = filter;
        b.joins = joins; // the record's own (immutable) list: copied on the first add
        b.orderBy = orderBy; // the record's own (immutable) list: copied on the first add
        b.limit = limit;
        b.offset = offset;
        b.aggregates = aggregates; // the record's own (immutable) list: copied on the first add
        b.groupBy = groupBy; // the record's own (immutable) list: copied on the first add
        b.having = having;
        b.lock = lock;
        b.setOperations = setOperations; // the record's own (immutable) list: copied on the first add
        b.mode = mode;
        b.annotations = annotations; // the record's own (immutable) list: copied on the first add
        b.distinctOn = distinctOn; // the record's own (immutable) list: copied on the first add
        b.lockOf = lockOf; // the record's own (immutable) list: copied on the first add
        return b;
    }

    /** Mutable builder; {@link #build()} makes the immutable record. */
    public static final class Builder {
        private final String table;
        private String model;
        private List<ColumnRef> columns;
        private boolean distinct;
        private FilterNode filter;
        private List<Join> joins;
        private List<OrderBy> orderBy;
        private Long limit;
        private Long offset;
        private List<Aggregate> aggregates;
        private List<ColumnRef> groupBy;
        private FilterNode having;
        private LockMode lock;
        private List<SetOperation> setOperations;
        private SelectMode mode = SelectMode.ROWS;
        private List<Annotation> annotations;
        private List<ColumnRef> distinctOn;
        private List<String> lockOf;

        private Builder(String table) {
            this.table = Objects.requireNonNull(table, "table");
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder columns(String... names) {
            for (String name : names) {
                columns = add(columns, ColumnRef.of(name));
            }
            return this;
        }

        public Builder column(ColumnRef column) {
            columns = add(columns, column);
            return this;
        }

        /**
         * Adds every one of {@code list}. Into a builder without columns the list is taken as
         * {@link List#copyOf} gives it, which for an immutable list (a model's column list, kept
         * by the caller) is the list itself: neither grown nor copied, here or in the record.
         */
        public Builder columns(List<ColumnRef> list) {
            if (columns == null) {
                columns = List.copyOf(list); // not an ArrayList: copied by a later add
            } else {
                for (int i = 0; i < list.size(); i++) {
                    columns = add(columns, list.get(i));
                }
            }
            return this;
        }

        public Builder distinct(boolean distinct) {
            this.distinct = distinct;
            return this;
        }

        public Builder filter(FilterNode filter) {
            this.filter = filter;
            return this;
        }

        public Builder join(Join join) {
            joins = add(joins, join);
            return this;
        }

        public Builder orderBy(OrderBy term) {
            orderBy = add(orderBy, term);
            return this;
        }

        public Builder limit(Long limit) {
            this.limit = limit;
            return this;
        }

        public Builder offset(Long offset) {
            this.offset = offset;
            return this;
        }

        public Builder aggregate(Aggregate aggregate) {
            aggregates = add(aggregates, aggregate);
            return this;
        }

        public Builder groupBy(ColumnRef column) {
            groupBy = add(groupBy, column);
            return this;
        }

        public Builder having(FilterNode having) {
            this.having = having;
            return this;
        }

        public Builder lock(LockMode lock) {
            this.lock = lock;
            return this;
        }

        public Builder union(SetOperator operator, SelectIr other) {
            setOperations = add(setOperations, new SetOperation(operator, other));
            return this;
        }

        public Builder mode(SelectMode mode) {
            this.mode = mode;
            return this;
        }

        /** Appends a named expression to the select list. */
        public Builder annotation(Annotation annotation) {
            annotations = add(annotations, annotation);
            return this;
        }

        /** Adds a {@code DISTINCT ON} column (PostgreSQL). */
        public Builder distinctOn(ColumnRef column) {
            distinctOn = add(distinctOn, column);
            return this;
        }

        /** Adds a table (a join alias, or the main table's name) the lock is limited to. */
        public Builder lockOf(String alias) {
            lockOf = add(lockOf, alias);
            return this;
        }

        /**
         * {@code list} with {@code e} added: lists are made on the first add (most selects use
         * three or four of the builder's nine), and a list taken from a record is copied then.
         */
        private static <E> List<E> add(List<E> list, E e) {
            List<E> out = list == null ? new ArrayList<>(4) : list instanceof ArrayList<E> ? list : new ArrayList<>(list);
            out.add(e);
            return out;
        }

        private static <E> List<E> orEmpty(List<E> list) {
            return list == null ? List.of() : list;
        }

        public SelectIr build() {
            return new SelectIr(model, table, orEmpty(columns), distinct, filter, orEmpty(joins), orEmpty(orderBy),
                    limit, offset, orEmpty(aggregates), orEmpty(groupBy), having, lock, orEmpty(setOperations), mode,
                    orEmpty(annotations), orEmpty(distinctOn), orEmpty(lockOf));
        }
    }
}
