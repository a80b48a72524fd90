/**
 * How each dialect stores every value kind, and what its error codes mean: one class per
 * dialect ({@link io.oxyde.dialect.internal.PostgresFormat},
 * {@link io.oxyde.dialect.internal.SqliteFormat}, {@link io.oxyde.dialect.internal.MysqlFormat})
 * that both binds a value and reads a column back, with its error-code table beside it. The
 * renderer (which must compare against the stored form), the driver (which binds and reads) and
 * the tests use these, so writing, filtering and reading cannot drift apart. Internal: not part
 * of the public API.
 */
package io.oxyde.dialect.internal;
