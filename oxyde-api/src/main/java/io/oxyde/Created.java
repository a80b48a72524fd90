package io.oxyde;

/**
 * The result of {@code getOrCreate} / {@code updateOrCreate}: the object and whether it was
 * inserted by this call.
 */
public record Created<T>(T object, boolean created) {
}
