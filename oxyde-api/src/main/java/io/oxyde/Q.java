package io.oxyde;

import java.util.List;
import java.util.Objects;
import io.oxyde.metamodel.Condition;

/**
 * A reusable filter condition that can be combined with {@link #and}, {@link #or} and
 * {@link #not}, for what chained {@code filter(...)} calls (always AND) cannot say:
 * {@code Q.of("composer__isnull", true).or(Q.of("bytes__lt", 1000))}. A {@code Q} is not tied
 * to a model; it is checked against one when passed to {@code Query.filter(Q)}.
 */
public abstract sealed class Q permits Q.Leaf, Q.All, Q.Any, Q.Negated, Q.Holds {

    Q() {
    }

    /** One condition: a field path with an optional lookup, and its operand. */
    public static Q of(String path, Object value) {
        return new Leaf(path, value);
    }

    /** All of the conditions. */
    public static Q and(Q... conditions) {
        return new All(List.of(conditions));
    }

    /** Any of the conditions. */
    public static Q or(Q... conditions) {
        return new Any(List.of(conditions));
    }

    /** The negation of a condition. */
    public static Q not(Q condition) {
        return new Negated(condition);
    }

    /** This and {@code other}. */
    public Q and(Q other) {
        return and(this, other);
    }

    /** This or {@code other}. */
    public Q or(Q other) {
        return or(this, other);
    }

    /** Not this. */
    public Q not() {
        return not(this);
    }

    /** A single condition. */
    static final class Leaf extends Q {
        private final String path;
        private final Object value;

        Leaf(String path, Object value) {
            this.path = Objects.requireNonNull(path, "path");
            this.value = value;
        }

        String path() {
            return path;
        }

        Object value() {
            return value;
        }

        @Override
        public String toString() {
            return path + "=" + value;
        }
    }

    /** A conjunction. */
    static final class All extends Q {
        private final List<Q> children;

        All(List<Q> children) {
            this.children = List.copyOf(children);
        }

        List<Q> children() {
            return children;
        }

        @Override
        public String toString() {
            return "and" + children;
        }
    }

    /** A disjunction. */
    static final class Any extends Q {
        private final List<Q> children;

        Any(List<Q> children) {
            this.children = List.copyOf(children);
        }

        List<Q> children() {
            return children;
        }

        @Override
        public String toString() {
            return "or" + children;
        }
    }

    /** A negation. */
    static final class Negated extends Q {
        private final Q child;

        Negated(Q child) {
            this.child = Objects.requireNonNull(child, "child");
        }

        Q child() {
            return child;
        }

        @Override
        public String toString() {
            return "not(" + child + ")";
        }
    }

    /** The string-API form of a typed condition, to combine with {@code Q.of(...)} terms. */
    /**
     * A condition that holds when a subquery has a row ({@code EXISTS}), to combine with
     * others: {@code Q.of(Exists.of(albums)).or(Q.of("name__startswith", "A"))}.
     */
    public static Q of(io.oxyde.expression.Exists exists) {
        return new Holds(exists);
    }

    /** An {@link io.oxyde.expression.Exists} as a condition. */
    static final class Holds extends Q {
        private final io.oxyde.expression.Exists exists;

        Holds(io.oxyde.expression.Exists exists) {
            this.exists = Objects.requireNonNull(exists, "exists");
        }

        io.oxyde.expression.Exists exists() {
            return exists;
        }

        @Override
        public String toString() {
            return exists.toString();
        }
    }

    public static Q of(Condition<?> condition) {
        return condition.q();
    }
}
