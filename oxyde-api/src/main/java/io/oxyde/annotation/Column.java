package io.oxyde.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Column options of a field. Optional: without it the column is named after the field in
 * snake_case ({@code unitPrice} becomes {@code unit_price}) and everything else is inferred from
 * the Java type and the Bean Validation constraints ({@code @Size(max)} gives the length,
 * {@code @Digits} the precision and scale, {@code @NotNull} NOT NULL).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {

    /** The column name; empty means the snake_case field name. */
    String name() default "";

    /** VARCHAR length for strings; 0 means {@code @Size(max)} if present, else 255. */
    int length() default 0;

    /** Total digits of a decimal; 0 means {@code @Digits} if present, else the database default. */
    int precision() default 0;

    /** Digits after the point of a decimal; -1 means {@code @Digits} if present, else the database default. */
    int scale() default -1;

    /** NULL or NOT NULL; inferred by default. */
    Nullability nullable() default Nullability.INFERRED;

    /** Whether the column has a single-column unique constraint. */
    boolean unique() default false;

    /** Whether the column gets a single-column index. */
    boolean index() default false;

    /** A SQL default expression copied verbatim into the DDL (e.g. {@code "CURRENT_TIMESTAMP"}); empty means none. */
    String sqlDefault() default "";

    /** A verbatim DDL type replacing the mapped one (e.g. {@code "CITEXT"}); empty means mapped. */
    String type() default "";

    /** A column comment for the DDL; empty means none. */
    String comment() default "";
}
