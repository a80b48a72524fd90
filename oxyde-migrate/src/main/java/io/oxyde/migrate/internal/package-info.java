/** Internals of oxyde-migrate: operation ordering, schema editing, per-dialect DDL writers, history table and locks. Not API. */
package io.oxyde.migrate.internal;
