package io.oxyde.metamodel;

/**
 * A typed three-column row of {@code values(a, b, c)}; each value has its model field's Java
 * type.
 *
 * @param first the value of the first attribute
 * @param second the value of the second attribute
 * @param third the value of the third attribute
 * @param <A> the first attribute's type
 * @param <B> the second attribute's type
 * @param <C> the third attribute's type
 */
public record Row3<A, B, C>(A first, B second, C third) {
}
