/**
 * Hibernate ORM 7 entities for the same tables as {@link io.oxyde.bench.model}: JPA needs
 * mutable classes with no-argument constructors, so Hibernate gets its own. Notes have two
 * mappings because the key strategy differs per database: a pooled sequence (allocation 50,
 * so inserts batch) on PostgreSQL and MariaDB, identity on SQLite (no sequences; Hibernate
 * then cannot batch inserts, as its documentation says).
 */
package io.oxyde.bench.hibernate;
