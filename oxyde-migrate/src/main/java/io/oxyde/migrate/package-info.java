/**
 * Oxyde migrations: a dialect-neutral schema model ({@link io.oxyde.migrate.Schema}), a diff that
 * turns two schemas into ordered {@link io.oxyde.migrate.MigrationOperation}s, per-dialect DDL
 * ({@link io.oxyde.migrate.DdlRenderer}), JSON migration files that carry a full schema snapshot
 * (so diffing never replays history) and a {@link io.oxyde.migrate.Migrator} that applies and
 * rolls back migrations on a plain JDBC connection under a database lock.
 */
package io.oxyde.migrate;
