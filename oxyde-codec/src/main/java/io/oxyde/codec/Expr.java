package io.oxyde.codec;

import java.util.Objects;

/**
 * The right-hand side of an UPDATE assignment: a value, a column ({@code F("x")}), or
 * arithmetic over them. Lets {@code price = price * 2} run in the database, without a
 * read-modify-write race.
 */
public sealed interface Expr {

    /** A typed literal, bound as a parameter. */
    record Literal(Value value) implements Expr {
        public Literal {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A column of the updated table. */
    record Column(String name) implements Expr {
        public Column {
            Objects.requireNonNull(name, "name");
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

    static Expr value(Value value) {
        return new Literal(value);
    }

    static Expr column(String name) {
        return new Column(name);
    }
}
