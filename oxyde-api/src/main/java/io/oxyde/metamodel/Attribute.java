package io.oxyde.metamodel;

import java.util.Objects;
import io.oxyde.exception.FieldException;
import io.oxyde.Q;

/**
 * A typed reference to a field of model {@code M} holding values of type {@code V}, usually a
 * constant of a generated metamodel class ({@code Track_.NAME}). It is a thin layer over the
 * string API: it knows the field path ({@code "album__artist__name"}) and offers only the
 * lookups that make sense for the field's type, so a misspelt field, a lookup that does not fit
 * ({@code Track_.MILLISECONDS.icontains("x")}) or a value of the wrong type is a compile error
 * instead of a {@link FieldException} at run time. The subclasses are the attribute kinds:
 * {@link ComparableAttribute}, {@link NumberAttribute}, {@link TextAttribute},
 * {@link TemporalAttribute}, {@link BooleanAttribute}, {@link JsonAttribute},
 * {@link ArrayAttribute}, {@link BytesAttribute}, {@link RelationAttribute} and
 * {@link CollectionAttribute}.
 *
 * <p>Instances are immutable and compare by model and path.
 *
 * @param <M> the model the path starts from
 * @param <V> the Java type of the field's values
 */
public abstract class Attribute<M, V> {

    private final Class<M> model;
    private final String path;
    private final Class<?> javaType;

    Attribute(Class<M> model, String path, Class<?> javaType) {
        this.model = Objects.requireNonNull(model, "model");
        this.path = Objects.requireNonNull(path, "path");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("an attribute path must not be empty (model " + model.getName() + ")");
        }
    }

    /** The model the path starts from. */
    public final Class<M> model() {
        return model;
    }

    /** The field path as the string API spells it, e.g. {@code "album__artist__name"}. */
    public final String path() {
        return path;
    }

    /** The Java class of the field's values (the raw class for generic types). */
    public final Class<?> javaType() {
        return javaType;
    }

    /** {@code IS NULL} when {@code isNull} is true, {@code IS NOT NULL} otherwise. */
    public final Condition<M> isNull(boolean isNull) {
        return lookup("isnull", isNull);
    }

    /** {@code IS NULL}. */
    public final Condition<M> isNull() {
        return isNull(true);
    }

    /** {@code IS NOT NULL}. */
    public final Condition<M> isNotNull() {
        return isNull(false);
    }

    /** Ascending order on this field. */
    public final Order<M> asc() {
        return new Order<>(model, path, false);
    }

    /** Descending order on this field. */
    public final Order<M> desc() {
        return new Order<>(model, path, true);
    }

    /** A condition {@code path__lookup = value}, the string API's form. */
    final Condition<M> lookup(String lookup, Object value) {
        return new Condition<>(Q.of(path + "__" + lookup, value));
    }

    /** The same kind of attribute for another start model and path (for relation paths). */
    abstract <N> Attribute<N, V> rebase(Class<N> newModel, String newPath);

    @Override
    public final boolean equals(Object o) {
        return o instanceof Attribute<?, ?> a && a.getClass() == getClass() && a.model == model && a.path.equals(path);
    }

    @Override
    public final int hashCode() {
        return model.hashCode() * 31 + path.hashCode();
    }

    @Override
    public String toString() {
        return model.getSimpleName() + "." + path;
    }
}
