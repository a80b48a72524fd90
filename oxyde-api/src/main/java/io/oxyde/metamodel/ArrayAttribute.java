package io.oxyde.metamodel;

import java.util.List;

/**
 * A {@code List<E>} of scalars stored as an array column (PostgreSQL arrays, JSON arrays
 * elsewhere): equality and {@code isnull} only.
 *
 * @param <M> the model the path starts from
 * @param <E> the element type
 */
public final class ArrayAttribute<M, E> extends ScalarAttribute<M, List<E>> {

    ArrayAttribute(Class<M> model, String path) {
        super(model, path, List.class);
    }

    /** An array attribute. */
    public static <M, E> ArrayAttribute<M, E> of(Class<M> model, String path) {
        return new ArrayAttribute<>(model, path);
    }

    @Override
    <N> ArrayAttribute<N, E> rebase(Class<N> newModel, String newPath) {
        return new ArrayAttribute<>(newModel, newPath);
    }
}
