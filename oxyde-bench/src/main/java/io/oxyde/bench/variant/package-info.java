/**
 * The contenders. {@link io.oxyde.bench.variant.Variant} is the list of operations; each
 * implementation does them the way a careful user of that library would: raw JDBC over
 * HikariCP with cached prepared statements ({@code raw}), the same behind the one executor hop an
 * async API needs ({@code raw_async}), tuned jOOQ ({@code jooq}), Hibernate ORM 7
 * ({@code hibernate}) and Oxyde's public API ({@code oxyde}).
 */
package io.oxyde.bench.variant;
