package io.oxyde.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field as a JSON document (JSONB on PostgreSQL, JSON on MySQL, TEXT on SQLite),
 * written and read by Jackson. On a field it applies to that field, whatever its type (a
 * {@code List} annotated {@code @Json} is a JSON array instead of a database array); on a
 * class it applies to every field of that class's type. {@code Map} and Jackson's
 * {@code JsonNode} are JSON without the annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface Json {
}
