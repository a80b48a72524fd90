package io.oxyde.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A CHECK constraint, declared in {@link Table#checks()}. The expression is SQL, copied
 * verbatim into the DDL, so it can use any function of the target database.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Check {

    /** The constraint name; empty means {@code ck_<table>_<position>}. */
    String name() default "";

    /** The SQL boolean expression, e.g. {@code "unit_price >= 0"}. */
    String expression();
}
