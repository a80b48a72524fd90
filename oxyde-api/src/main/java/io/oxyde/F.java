package io.oxyde;

import io.oxyde.codec.ArithmeticOperator;
import io.oxyde.codec.Expr;
import io.oxyde.codec.Value;
import java.util.Objects;
import java.util.function.Function;
import io.oxyde.metamodel.NumberAttribute;

/**
 * A database-side expression over a row's columns. In {@code update(...)},
 * {@code F.col("unitPrice").mul(2)} doubles the price in SQL, without reading the rows, so
 * concurrent updates do not overwrite each other. In a filter it compares a column with other
 * columns ({@code filter("bytes__lt", F.col("milliseconds").mul(20))}), with eq, ne, gt, gte,
 * lt and lte; there its paths may cross foreign keys ({@code F.col("track__unitPrice")}).
 */
public final class F {

    enum Op { COLUMN, VALUE, ADD, SUB, MUL, DIV, NEG }

    final Op op;
    final String field;
    final Object value;
    final F left;
    final F right;

    private F(Op op, String field, Object value, F left, F right) {
        this.op = op;
        this.field = field;
        this.value = value;
        this.left = left;
        this.right = right;
    }

    /** The value of a field of the row being updated. */
    public static F col(String field) {
        return new F(Op.COLUMN, Objects.requireNonNull(field, "field"), null, null, null);
    }

    /** A constant (a number of the field's type). */
    public static F value(Object value) {
        return value instanceof F f ? f : new F(Op.VALUE, null, Objects.requireNonNull(value, "value"), null, null);
    }

    /** This plus {@code other} (a number or an {@code F}). */
    public F add(Object other) {
        return new F(Op.ADD, null, null, this, value(other));
    }

    /** This minus {@code other}. */
    public F sub(Object other) {
        return new F(Op.SUB, null, null, this, value(other));
    }

    /** This times {@code other}. */
    public F mul(Object other) {
        return new F(Op.MUL, null, null, this, value(other));
    }

    /** This divided by {@code other}. */
    public F div(Object other) {
        return new F(Op.DIV, null, null, this, value(other));
    }

    /** Minus this. */
    public F neg() {
        return new F(Op.NEG, null, null, this, null);
    }

    /** The IR of this expression; {@code column} maps each field path to its column. */
    Expr toExpr(Function<String, Expr> column) {
        return switch (op) {
            case COLUMN -> column.apply(field);
            case VALUE -> new Expr.Literal(Value.of(value));
            case NEG -> new Expr.Negate(left.toExpr(column));
            case ADD, SUB, MUL, DIV -> new Expr.Binary(ArithmeticOperator.valueOf(op.name()), left.toExpr(column),
                    right.toExpr(column));
        };
    }

    @Override
    public String toString() {
        return switch (op) {
            case COLUMN -> "F(" + field + ")";
            case VALUE -> String.valueOf(value);
            case NEG -> "-(" + left + ")";
            case ADD, SUB, MUL, DIV -> "(" + left + " " + op.name().toLowerCase(java.util.Locale.ROOT) + " " + right + ")";
        };
    }

    /** The value of a typed numeric field of the row being updated: {@code F.col(Track_.UNIT_PRICE).mul(2)}. */
    public static F col(NumberAttribute<?, ?> field) {
        return col(field.path());
    }
}
