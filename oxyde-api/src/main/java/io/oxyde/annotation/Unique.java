package io.oxyde.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A unique constraint over several fields, declared in {@link Table#uniqueTogether()}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Unique {

    /** The fields (Java names or column names) that are unique together. */
    String[] value();

    /** The constraint name; empty means {@code uq_<table>_<columns>}. */
    String name() default "";
}
