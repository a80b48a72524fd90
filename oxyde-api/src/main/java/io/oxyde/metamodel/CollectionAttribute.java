package io.oxyde.metamodel;

import java.util.List;
import io.oxyde.annotation.ManyToMany;
import io.oxyde.annotation.OneToMany;

/**
 * A to-many relation of model {@code M}: a reverse foreign key ({@code @OneToMany}) or a
 * many-to-many ({@code @ManyToMany}) collection of {@code T}. It has no column: it names the
 * relation for {@code prefetch(...)}, and {@link #then} continues a path into {@code T}
 * ({@code Artist_.ALBUMS.then(Album_.TITLE).contains("Live")}; such joins repeat the parent
 * per matching child, so add {@code distinct()}).
 *
 * @param <M> the model the path starts from
 * @param <T> the element model
 */
public final class CollectionAttribute<M, T> extends Attribute<M, List<T>> implements Navigable<M, T> {

    private final Class<T> element;

    CollectionAttribute(Class<M> model, String path, Class<T> element) {
        super(model, path, List.class);
        this.element = element;
    }

    /** A to-many attribute. */
    public static <M, T> CollectionAttribute<M, T> of(Class<M> model, String path, Class<T> element) {
        return new CollectionAttribute<>(model, path, element);
    }

    /** The element model. */
    public Class<T> element() {
        return element;
    }

    @Override
    <N> CollectionAttribute<N, T> rebase(Class<N> newModel, String newPath) {
        return new CollectionAttribute<>(newModel, newPath, element);
    }
}
