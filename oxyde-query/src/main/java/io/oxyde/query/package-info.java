/**
 * Renders Oxyde's query IR ({@link io.oxyde.codec.QueryIr}) to parameterised SQL for
 * PostgreSQL, SQLite, MySQL and MariaDB through jOOQ.
 *
 * <p>{@link io.oxyde.query.SqlRenderer} is the entry point: it turns an IR into a
 * {@link io.oxyde.query.RenderedQuery} (SQL text with {@code ?} placeholders plus typed bind
 * values), caching one {@link io.oxyde.query.RenderPlan} per query shape and dialect so jOOQ
 * runs only once per shape. {@link io.oxyde.query.JdbcValues} maps each bound
 * {@link io.oxyde.codec.Value} to the object a JDBC driver should receive on that dialect.
 * Nothing here opens connections; the driver module executes what this module renders.
 */
package io.oxyde.query;
