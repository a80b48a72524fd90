package io.oxyde.metamodel;

import java.util.Objects;

/**
 * An ordering term of model {@code M}, from {@code Track_.NAME.asc()} or
 * {@code Track_.MILLISECONDS.desc()}, for the typed {@code orderBy(...)}.
 *
 * @param <M> the model the path starts from
 */
public final class Order<M> {

    private final Class<M> model;
    private final String path;
    private final boolean descending;

    Order(Class<M> model, String path, boolean descending) {
        this.model = Objects.requireNonNull(model, "model");
        this.path = Objects.requireNonNull(path, "path");
        this.descending = descending;
    }

    /** The model the path starts from. */
    public Class<M> model() {
        return model;
    }

    /** Whether the order is descending. */
    public boolean descending() {
        return descending;
    }

    /** The string API's term: {@code "name"} or {@code "-milliseconds"}. */
    public String term() {
        return descending ? "-" + path : path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order<?> other && other.model == model && other.path.equals(path) && other.descending == descending;
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, path, descending);
    }

    @Override
    public String toString() {
        return model.getSimpleName() + ":" + term();
    }
}
