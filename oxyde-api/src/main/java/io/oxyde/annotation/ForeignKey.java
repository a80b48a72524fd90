package io.oxyde.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import io.oxyde.Ref;
import io.oxyde.migrate.ReferentialAction;

/**
 * Options of a foreign key. Optional: a field typed {@link Ref Ref&lt;Artist&gt;} (or plainly
 * {@code Artist}) already is a foreign key to the {@code Artist} model, stored in the column
 * {@code <field>_id} and referencing the target's primary key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {

    /** On delete of the referenced row; RESTRICT by default so nothing disappears by surprise. */
    ReferentialAction onDelete() default ReferentialAction.RESTRICT;

    /** On update of the referenced key. */
    ReferentialAction onUpdate() default ReferentialAction.CASCADE;

    /**
     * The FK column name; empty means {@code <snake_case field>_id}. A foreign key to a model with
     * a composite key has one column per key column, {@code <snake_case field>_<key column>}, and
     * takes no name here.
     */
    String column() default "";

    /**
     * The referenced field of the target, when it is not the primary key: a unique field (its
     * {@code @Column(unique = true)}, or a one-field {@code @Table(uniqueTogether = @Unique(...))}),
     * as Django's {@code to_field}. For data whose natural key is referenced by other systems
     * (a country code, an SKU): the column holds that value, and joins, filters and prefetches
     * follow it. Empty means the primary key. A field that is not unique is refused when the
     * model is read.
     */
    String toField() default "";
}
