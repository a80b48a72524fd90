package io.oxyde.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the primary key. Optional by convention: a model without {@code @Id} uses its field
 * named {@code id} (integer ids are then {@link IdStrategy#AUTO}, UUIDs
 * {@link IdStrategy#UUID}, anything else {@link IdStrategy#CLIENT}). A model has exactly one
 * primary key field.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Id {

    /** Who produces the key's value. {@link IdStrategy#AUTO} needs an integer field. */
    IdStrategy strategy() default IdStrategy.AUTO;
}
