package io.oxyde.metamodel;

import io.oxyde.Ref;

/**
 * A foreign key of model {@code M} to model {@code T} (a {@code Ref<T>} or {@code T}-typed
 * field). Compared directly it takes a {@link Ref} ({@code Track_.ALBUM.eq(Ref.id(5L))});
 * {@link #then} continues the path into {@code T}'s fields (one {@code INNER JOIN} per step
 * in filters), and the attribute names the relation in {@code join(...)} and
 * {@code prefetch(...)}.
 *
 * @param <M> the model the path starts from
 * @param <T> the referenced model
 */
public final class RelationAttribute<M, T> extends ScalarAttribute<M, Ref<T>> implements Navigable<M, T> {

    private final Class<T> target;

    RelationAttribute(Class<M> model, String path, Class<T> target) {
        super(model, path, Ref.class);
        this.target = target;
    }

    /** A foreign-key attribute. */
    public static <M, T> RelationAttribute<M, T> of(Class<M> model, String path, Class<T> target) {
        return new RelationAttribute<>(model, path, target);
    }

    /** The referenced model. */
    public Class<T> target() {
        return target;
    }

    @Override
    <N> RelationAttribute<N, T> rebase(Class<N> newModel, String newPath) {
        return new RelationAttribute<>(newModel, newPath, target);
    }
}
