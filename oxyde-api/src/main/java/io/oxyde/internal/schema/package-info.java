/**
 * The bridge from model metadata ({@link io.oxyde.meta.ModelMeta}) to the dialect-neutral migration
 * schema of {@code oxyde-migrate}, and the JDBC plumbing {@link io.oxyde.migration.Migrations} needs.
 * Internal: use {@link io.oxyde.migration.Migrations}.
 */
package io.oxyde.internal.schema;
