package io.oxyde.metamodel;

/**
 * An attribute that holds one value per row and can be compared for equality ({@link #eq},
 * {@link #ne}); the base of every column attribute. Kinds that also order or match text add
 * their lookups in subclasses.
 *
 * @param <M> the model the path starts from
 * @param <V> the Java type of the field's values
 */
public abstract class ScalarAttribute<M, V> extends Attribute<M, V> {

    ScalarAttribute(Class<M> model, String path, Class<?> javaType) {
        super(model, path, javaType);
    }

    /** {@code = value}; {@code IS NULL} for {@code null}. */
    public final Condition<M> eq(V value) {
        return lookup("exact", value);
    }

    /** {@code IS DISTINCT FROM value} (keeps NULL rows). */
    public final Condition<M> ne(V value) {
        return lookup("ne", value);
    }

    @Override
    abstract <N> ScalarAttribute<N, V> rebase(Class<N> newModel, String newPath);
}
