package io.oxyde.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optimistic locking: marks an integer field ({@code long}, {@code int}, {@code short} or boxed)
 * as the row's version. Every update through the model ({@code save}, {@code bulkUpdate},
 * {@code update(values)}, {@code upsert}) sets {@code version = version + 1}; {@code save} and
 * {@code bulkUpdate} also require the stored version to still be the one the model carries, and
 * otherwise fail with {@code StaleObjectException} and change nothing. This is how two writers
 * that read the same row find out, without holding a lock between the read and the write, that
 * one of them would overwrite the other's change. A new model's version {@code null} is stored
 * as 0. At most one field per model; it cannot be the key or a foreign key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {
}
