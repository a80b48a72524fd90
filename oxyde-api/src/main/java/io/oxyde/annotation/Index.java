package io.oxyde.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import io.oxyde.migrate.IndexMethod;

/**
 * A secondary index declared in {@link Table#indexes()}. Columns are named by Java field name
 * (or by column name); both are checked against the model when its metadata is read.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Index {

    /** The index name; empty means {@code ix_<table>_<columns>}. */
    String name() default "";

    /** The indexed fields, in index order. */
    String[] columns();

    /** Whether the index enforces uniqueness. */
    boolean unique() default false;

    /** The index method; only PostgreSQL honours all of them. */
    IndexMethod method() default IndexMethod.BTREE;

    /** A partial index predicate (SQL, verbatim), e.g. {@code "deleted_at IS NULL"}; empty means none. */
    String where() default "";
}
