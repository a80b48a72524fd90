package io.oxyde.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the time a row was created, kept by Oxyde: {@code create}, {@code bulkCreate},
 * {@code getOrCreate}, {@code upsert} (when it inserts) and a {@code save} that inserts set it to
 * the current time in UTC when the model holds {@code null} (a value given, as in a data load,
 * is kept); updates never write it. Applications then need no clock code and no database
 * default to know when a row appeared. On an {@code Instant}, {@code OffsetDateTime} (stored at
 * offset UTC) or {@code LocalDateTime} (the UTC date-time) field, cut to whole microseconds like
 * every time Oxyde writes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface CreatedAt {
}
