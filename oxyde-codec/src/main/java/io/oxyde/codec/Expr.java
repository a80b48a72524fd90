package io.oxyde.codec;

import java.util.List;
import java.util.Objects;

/**
 * A database-side expression: a value, a column ({@code F("x")}), or arithmetic over them. The
 * right-hand side of an UPDATE assignment (lets {@code price = price * 2} run in the database,
 * without a read-modify-write race) and of a {@link FilterNode.Compare} (column vs column).
 */
public sealed interface Expr {

    /** A typed literal, bound as a parameter. */
    record Literal(Value value) implements Expr {
        public Literal {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A column: of the updated table in an UPDATE; in a filter, of the main table
     * ({@code source} null) or of the join alias {@code source}.
     */
    record Column(String source, String name) implements Expr {
        public Column {
            Objects.requireNonNull(name, "name");
        }

        /** A column of the main (or updated) table. */
        public Column(String name) {
            this(null, name);
        }
    }

    /** {@code left <operator> right}. */
    record Binary(ArithmeticOperator operator, Expr left, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code -operand}. */
    record Negate(Expr operand) implements Expr {
        public Negate {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /**
     * A column of the query that encloses this one (Django's {@code OuterRef}): {@code source}
     * null for its main table, else one of its join aliases. Valid only inside a subquery
     * ({@link Subquery}, {@link FilterNode.Exists}, {@link FilterNode.InSelect}). Since protocol
     * revision 1.2.
     */
    record Outer(String source, String name) implements Expr {
        public Outer {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A scalar subquery: the value of the single column of the first row of {@code query}
     * (NULL when it has no row). It may refer to the enclosing query with {@link Outer}. Since
     * protocol revision 1.2.
     */
    record Subquery(SelectIr query) implements Expr {
        public Subquery {
            Objects.requireNonNull(query, "query");
        }
    }

    /** {@code function(args…)}, a scalar SQL function. Since protocol revision 1.2. */
    record Call(ScalarFunction function, List<Expr> args) implements Expr {
        public Call {
            Objects.requireNonNull(function, "function");
            args = List.copyOf(args);
        }
    }

    /**
     * {@code CASE WHEN condition THEN value … ELSE otherwise END}: the value of the first
     * condition that holds, else {@code otherwise} (NULL when {@code null}). Since protocol
     * revision 1.2.
     */
    record Case(List<When> whens, Expr otherwise) implements Expr {
        public Case {
            whens = List.copyOf(whens);
            if (whens.isEmpty()) {
                throw new IllegalArgumentException("a case needs at least one when");
            }
        }
    }

    /** One {@code WHEN condition THEN value} of a {@link Case}. */
    record When(FilterNode condition, Expr value) {
        public When {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * {@code function(args…) OVER (PARTITION BY … ORDER BY …)}: a value computed over the rows
     * related to this one (a rank within a group, a running sum, the previous row's value). Valid
     * only in a select's annotations and expression order terms, never in a filter (SQL computes
     * windows after WHERE, GROUP BY and HAVING), and never inside another window. Order terms are
     * columns or expressions, ascending or descending (not random). Since protocol revision 1.3.
     *
     * @param offset the row offset of {@code lag}/{@code lead} (default 1), {@code null} for the
     *     other functions
     */
    record Window(WindowFunction function, List<Expr> args, Integer offset, List<Expr> partitionBy,
                  List<OrderBy> orderBy) implements Expr {
        public Window {
            Objects.requireNonNull(function, "function");
            args = List.copyOf(args);
            partitionBy = List.copyOf(partitionBy);
            orderBy = List.copyOf(orderBy);
        }
    }

    static Expr value(Value value) {
        return new Literal(value);
    }

    static Expr column(String name) {
        return new Column(name);
    }
}
