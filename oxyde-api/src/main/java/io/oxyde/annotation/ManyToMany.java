package io.oxyde.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-many collection through an explicit join model:
 * {@code @ManyToMany(through = PlaylistTrack.class) List<Track> tracks}. The through model is an
 * ordinary model with one foreign key to each side (named explicitly when ambiguous, e.g. a
 * self-relation). Like {@link OneToMany} it has no column and is {@code null} until prefetched.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToMany {

    /** The join model. */
    Class<?> through();

    /** The through model's FK field pointing to the declaring model; empty means inferred. */
    String sourceField() default "";

    /** The through model's FK field pointing to the element model; empty means inferred. */
    String targetField() default "";
}
