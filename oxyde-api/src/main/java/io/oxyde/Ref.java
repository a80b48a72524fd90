package io.oxyde;

import io.oxyde.internal.model.ModelMetas;
import java.util.Objects;

/**
 * A lazy reference to a related model: the value of a foreign-key field. A {@code Ref} read
 * from the database holds only the referenced primary key until the query loads the target
 * with {@code join(...)} or {@code prefetch(...)}; then it holds the object too. Writing a
 * model writes the reference's id to the foreign-key column.
 *
 * <p>A reference to a model with a composite primary key holds the key as the {@code List} of
 * its values in key order ({@link #key(Class, Object...)}).
 *
 * <p>Two references are equal when they point at the same id; a reference to an unsaved model
 * (no id yet) equals only itself.
 *
 * @param <T> the referenced model
 */
public final class Ref<T> {

    private final Class<T> target;
    private final Object id;
    private final T value;
    private final String field;

    private Ref(Class<T> target, Object id, T value) {
        this(target, id, value, null);
    }

    private Ref(Class<T> target, Object id, T value, String field) {
        this.target = target;
        this.id = id;
        this.value = value;
        this.field = field;
    }

    /** A reference known only by the target's primary key. */
    public static <T> Ref<T> id(Object id) {
        return new Ref<>(null, Objects.requireNonNull(id, "a Ref id must not be null; use a null Ref for no reference"), null);
    }

    /** A reference to a {@code target} row known only by its primary key; the class only improves error messages. */
    public static <T> Ref<T> id(Class<T> target, Object id) {
        return new Ref<>(Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(id, "a Ref id must not be null; use a null Ref for no reference"), null);
    }

    /**
     * A reference to a {@code target} row with a composite primary key, known by the key's
     * values in key order ({@code Ref.key(Stock.class, "A", "tea")}); its {@link #id()} is the
     * list of those values, so it equals {@code Ref.id(List.of("A", "tea"))} and {@code Ref.of(stock)}.
     *
     * @throws NullPointerException when a value is {@code null} (use a null Ref for no reference)
     */
    public static <T> Ref<T> key(Class<T> target, Object... values) {
        Objects.requireNonNull(target, "target");
        for (Object v : values) {
            Objects.requireNonNull(v, "a Ref key value must not be null; use a null Ref for no reference");
        }
        return new Ref<>(target, java.util.List.of(values), null);
    }

    /** A reference to a loaded model; its id is read from the model's primary key. */
    @SuppressWarnings("unchecked")
    public static <T> Ref<T> of(T model) {
        Objects.requireNonNull(model, "model");
        return new Ref<>((Class<T>) model.getClass(), null, model);
    }

    /**
     * A reference to a loaded model through one of its unique fields, as a foreign key declared
     * with {@code @ForeignKey(toField = field)} holds it: its {@link #id()} is that field's value
     * (a country's code, say), so it equals {@code Ref.id(code)}. Oxyde builds these when it
     * loads such a relation with {@code join} or {@code prefetch}.
     */
    @SuppressWarnings("unchecked")
    public static <T> Ref<T> of(T model, String field) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(field, "field");
        return new Ref<>((Class<T>) model.getClass(), null, model, field);
    }

    /**
     * The referenced primary key (for a foreign key with {@code toField}, the referenced field's
     * value; for a composite key, the {@code List} of its values in key order). For a loaded reference it is read from the model, so a model
     * that was inserted after the reference was made reports its new id; it is {@code null} only
     * for a reference to a model not saved yet.
     */
    public Object id() {
        if (value == null) {
            return id;
        }
        return field == null ? ModelMetas.primaryKeyValue(value) : io.oxyde.internal.ir.Models.get(value, field);
    }

    /** Whether the referenced model is loaded, so that {@link #get()} returns it. */
    public boolean isLoaded() {
        return value != null;
    }

    /**
     * The referenced model.
     *
     * @throws IllegalStateException when only the id is known
     */
    public T get() {
        if (value == null) {
            throw new IllegalStateException("Ref to " + (target == null ? "a model" : target.getSimpleName())
                    + " with id " + id + " is not loaded: only its id is known; load it with join(...) or"
                    + " prefetch(...) on the query");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Ref<?> other)) {
            return false;
        }
        Object mine = id();
        return mine != null && mine.equals(other.id());
    }

    @Override
    public int hashCode() {
        Object mine = id();
        return mine == null ? System.identityHashCode(this) : mine.hashCode();
    }

    @Override
    public String toString() {
        String name = target == null ? "" : target.getSimpleName();
        return value != null ? "Ref<" + name + ">[" + value + "]" : "Ref<" + name + ">[id=" + id + "]";
    }
}
