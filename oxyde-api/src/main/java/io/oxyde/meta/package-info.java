/**
 * Read-only metadata of a mapped model, from {@code ModelMeta.of(Model.class)}:
 * {@link io.oxyde.meta.ModelMeta} with its fields ({@link io.oxyde.meta.FieldMeta}), relations,
 * indexes, unique constraints and checks. Tools (admin screens, serialisers, the migration
 * differ) read it instead of reflecting over the annotations themselves, so they see the same
 * defaults the library applies.
 */
package io.oxyde.meta;
