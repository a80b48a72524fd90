package io.oxyde.codec;

import java.util.List;
import java.util.Objects;

/**
 * The WHERE (or HAVING) tree: conditions combined with and / or / not.
 *
 * <p>A tree rather than a flat list so that {@code Q} objects of any shape travel unchanged.
 */
public sealed interface FilterNode {

    /** {@code field <lookup> value}, e.g. {@code age gte 18}. */
    record Condition(ColumnRef field, Lookup lookup, Value value) implements FilterNode {
        public Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(lookup, "lookup");
            Objects.requireNonNull(value, "value");
        }
    }

    /** All children hold; an empty list is true. */
    record And(List<FilterNode> children) implements FilterNode {
        public And {
            children = List.copyOf(children);
        }
    }

    /** At least one child holds; an empty list is false. */
    record Or(List<FilterNode> children) implements FilterNode {
        public Or {
            children = List.copyOf(children);
        }
    }

    /**
     * {@code field IN (query)}: the value of {@code field} is among the rows of a select of
     * exactly one column (an uncorrelated subquery). Under {@link Not} it is {@code NOT IN}; a
     * sender that wants that to be null-safe keeps NULL out of the subquery's column.
     */
    record InSelect(ColumnRef field, SelectIr query) implements FilterNode {
        public InSelect {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(query, "query");
        }
    }

    /**
     * {@code field <lookup> expr}: a column compared with an expression over columns (Django's
     * {@code filter(x__gt=F("y") * 2)}). The lookup is one of eq, ne, gt, gte, lt, lte;
     * {@code numeric} asks for both sides to be compared as numbers (decimals are text on SQLite).
     */
    record Compare(ColumnRef field, Lookup lookup, Expr expr, boolean numeric) implements FilterNode {
        public Compare {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(lookup, "lookup");
            Objects.requireNonNull(expr, "expr");
        }
    }

    /**
     * {@code EXISTS (query)}: the subquery has at least one row; under {@link Not} it is
     * {@code NOT EXISTS}. The subquery usually refers to the enclosing query through
     * {@link Expr.Outer} (a correlated subquery). Since protocol revision 1.2.
     */
    record Exists(SelectIr query) implements FilterNode {
        public Exists {
            Objects.requireNonNull(query, "query");
        }
    }

    /**
     * {@code left <lookup> right}, both expressions (an annotation, a scalar subquery, a
     * column): lookups eq, ne, gt, gte, lt, lte, and isnull with a bool literal on the right.
     * {@code numeric} compares both sides as numbers (decimals are text on SQLite). Since
     * protocol revision 1.2.
     */
    record Test(Expr left, Lookup lookup, Expr right, boolean numeric) implements FilterNode {
        public Test {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(lookup, "lookup");
            Objects.requireNonNull(right, "right");
        }
    }

    /** The child does not hold. */
    record Not(FilterNode child) implements FilterNode {
        public Not {
            Objects.requireNonNull(child, "child");
        }
    }

    /** A condition on a column of the main table. */
    static FilterNode condition(String field, Lookup lookup, Value value) {
        return new Condition(ColumnRef.of(field), lookup, value);
    }

    static FilterNode and(FilterNode... children) {
        return new And(List.of(children));
    }

    static FilterNode or(FilterNode... children) {
        return new Or(List.of(children));
    }

    static FilterNode not(FilterNode child) {
        return new Not(child);
    }
}
