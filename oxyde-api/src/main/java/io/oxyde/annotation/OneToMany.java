package io.oxyde.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reverse foreign-key collection: {@code @OneToMany(mappedBy = "artist") List<Album> albums}
 * on {@code Artist} holds the albums whose {@code artist} FK points here. It has no column; it
 * is filled only by {@code prefetch("albums")} and is {@code null} (not loaded) otherwise. The
 * annotation is optional on a {@code List} of a model type when that model has exactly one
 * foreign key to this one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToMany {

    /** The foreign-key field of the element model pointing back here; empty means inferred. */
    String mappedBy() default "";
}
