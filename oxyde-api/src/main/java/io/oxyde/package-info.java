/**
 * Oxyde's user API: model annotations ({@link io.oxyde.Table}, {@link io.oxyde.Id},
 * {@link io.oxyde.Column}, {@link io.oxyde.ForeignKey}, ...), lazy references
 * ({@link io.oxyde.Ref}), the read-only model metadata ({@link io.oxyde.ModelMeta}), Bean
 * Validation of models ({@link io.oxyde.ModelValidation}) and the errors Oxyde raises.
 * Everything under {@code io.oxyde.internal} is implementation and may change without notice.
 */
package io.oxyde;
