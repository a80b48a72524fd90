package io.oxyde.metamodel;

/**
 * A typed one-column row of {@code values(Track_.NAME)}; each value has its model field's
 * Java type.
 *
 * @param first the value of the first attribute
 * @param <A> the first attribute's type
 */
public record Row1<A>(A first) {
}
