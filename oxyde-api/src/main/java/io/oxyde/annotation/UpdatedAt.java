package io.oxyde.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the time a row was last written, kept by Oxyde: every create and every update
 * through the model ({@code save}, {@code bulkUpdate}, {@code update(values)}, {@code upsert})
 * sets it to the current time in UTC, one reading of the clock per call, whatever the model
 * holds ({@code update(values)} naming the field explicitly sets that value instead). On an
 * {@code Instant}, {@code OffsetDateTime} (stored at offset UTC) or {@code LocalDateTime} (the
 * UTC date-time) field, cut to whole microseconds like every time Oxyde writes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface UpdatedAt {
}
