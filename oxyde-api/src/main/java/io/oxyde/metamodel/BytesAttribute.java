package io.oxyde.metamodel;

/**
 * A {@code byte[]} column: equality and {@code isnull} only (bytes are neither ordered nor
 * matched as text).
 *
 * @param <M> the model the path starts from
 */
public final class BytesAttribute<M> extends ScalarAttribute<M, byte[]> {

    BytesAttribute(Class<M> model, String path) {
        super(model, path, byte[].class);
    }

    /** A bytes attribute. */
    public static <M> BytesAttribute<M> of(Class<M> model, String path) {
        return new BytesAttribute<>(model, path);
    }

    @Override
    <N> BytesAttribute<N> rebase(Class<N> newModel, String newPath) {
        return new BytesAttribute<>(newModel, newPath);
    }
}
