package io.oxyde.metamodel;

/**
 * A typed two-column row of {@code values(Track_.NAME, Track_.MILLISECONDS)}; each value has
 * its model field's Java type.
 *
 * @param first the value of the first attribute
 * @param second the value of the second attribute
 * @param <A> the first attribute's type
 * @param <B> the second attribute's type
 */
public record Row2<A, B>(A first, B second) {
}
