package io.oxyde.metamodel;

import io.oxyde.annotation.Json;

/**
 * An attribute stored as a JSON document (a {@code @Json} type, {@code Map}, {@code JsonNode},
 * or a {@code List} of a {@code @Json} type): equality and {@code isnull} only, as the string
 * API allows for JSON; ordering and text lookups do not exist on it.
 *
 * @param <M> the model the path starts from
 * @param <V> the Java type of the document
 */
public final class JsonAttribute<M, V> extends ScalarAttribute<M, V> {

    JsonAttribute(Class<M> model, String path, Class<?> javaType) {
        super(model, path, javaType);
    }

    /** A JSON attribute. */
    public static <M, V> JsonAttribute<M, V> of(Class<M> model, String path, Class<?> javaType) {
        return new JsonAttribute<>(model, path, javaType);
    }

    @Override
    <N> JsonAttribute<N, V> rebase(Class<N> newModel, String newPath) {
        return new JsonAttribute<>(newModel, newPath, javaType());
    }
}
