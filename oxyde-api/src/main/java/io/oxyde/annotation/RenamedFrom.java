package io.oxyde.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells the migration diff that a column (on a field) or a table (on a model) used to have
 * another name, so it emits a rename instead of a drop and an add that would lose the data.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface RenamedFrom {

    /**
     * The previous column or table name; on a foreign key to a composite key, the previous prefix
     * of its columns ({@code "old"} for {@code old_<key column>}).
     */
    String value();
}
