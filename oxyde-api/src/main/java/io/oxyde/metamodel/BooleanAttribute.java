package io.oxyde.metamodel;

/**
 * A {@code boolean}/{@code Boolean} attribute: equality and {@code isnull} only (booleans are
 * not ordered).
 *
 * @param <M> the model the path starts from
 */
public final class BooleanAttribute<M> extends ScalarAttribute<M, Boolean> {

    BooleanAttribute(Class<M> model, String path) {
        super(model, path, Boolean.class);
    }

    /** A boolean attribute. */
    public static <M> BooleanAttribute<M> of(Class<M> model, String path) {
        return new BooleanAttribute<>(model, path);
    }

    /** {@code = TRUE}. */
    public Condition<M> isTrue() {
        return eq(Boolean.TRUE);
    }

    /** {@code = FALSE}. */
    public Condition<M> isFalse() {
        return eq(Boolean.FALSE);
    }

    @Override
    <N> BooleanAttribute<N> rebase(Class<N> newModel, String newPath) {
        return new BooleanAttribute<>(newModel, newPath);
    }
}
