package io.oxyde.expression;

/**
 * A constant argument of a function, bound as a parameter (Django's {@code Value}): needed where a
 * {@code String} would otherwise name a field, {@code Concat.of("firstName", Literal.of(" "),
 * "lastName")}. {@code Literal.of(null)} is SQL NULL.
 *
 * @param value the value (a string, number, boolean, date/time, or {@code null})
 */
public record Literal(Object value) implements Expression {

    /** The constant {@code value}. */
    public static Literal of(Object value) {
        return new Literal(value);
    }
}
