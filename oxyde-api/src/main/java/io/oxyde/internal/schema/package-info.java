/**
 * The bridge from model metadata ({@link io.oxyde.ModelMeta}) to the dialect-neutral migration
 * schema of {@code oxyde-migrate}, and the JDBC plumbing {@link io.oxyde.Migrations} needs.
 * Internal: use {@link io.oxyde.Migrations}.
 */
package io.oxyde.internal.schema;
