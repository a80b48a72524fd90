/**
 * Bean Validation of models: {@link io.oxyde.validation.ModelValidation} checks a model's
 * constraints (and the database-derived ones: lengths, nullability) before a write and reports
 * every problem at once as an {@code io.oxyde.exception.ValidationException}.
 */
package io.oxyde.validation;
