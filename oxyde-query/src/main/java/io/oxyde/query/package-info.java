/**
 * Renders Oxyde's query IR ({@link io.oxyde.codec.QueryIr}) to parameterised SQL for
 * PostgreSQL, SQLite, MySQL and MariaDB through jOOQ.
 *
 * <p>{@link io.oxyde.query.SqlRenderer} is the entry point: it turns an IR into a
 * {@link io.oxyde.query.RenderedQuery} (SQL text with {@code ?} placeholders plus typed bind
 * values), caching one {@link io.oxyde.query.RenderPlan} per query shape and dialect so jOOQ
 * runs only once per shape. How each bound {@link io.oxyde.codec.Value} is stored on a dialect is
 * decided by that dialect's storage format in the codec module ({@code io.oxyde.dialect.internal}),
 * which the renderer's comparisons and the driver's binds share.
 * Nothing here opens connections; the driver module executes what this module renders.
 */
package io.oxyde.query;
