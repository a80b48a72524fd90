package io.oxyde.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import io.oxyde.Oxyde;

/**
 * Model-level options of a table. Optional: without it the table is named after the class
 * ({@code InvoiceLine} becomes {@code invoice_line}). Everything declared here reaches the
 * schema (the original Oxyde silently ignored schema, unique-together and comments; this one
 * does not).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {

    /** The table name; empty means the snake_case class name. */
    String value() default "";

    /** The database schema (PostgreSQL schema, MySQL database); empty means the default. */
    String schema() default "";

    /** A table comment for the DDL; empty means none. */
    String comment() default "";

    /** Secondary indexes, possibly multi-column, unique or partial. */
    Index[] indexes() default {};

    /** Unique constraints over several columns. */
    Unique[] uniqueTogether() default {};

    /** CHECK constraints. */
    Check[] checks() default {};
}
