/**
 * Bean Validation of models: {@link io.oxyde.validation.ModelValidation} checks a model's
 * {@code jakarta.validation} constraints before every write and reports
 * every problem at once as an {@code io.oxyde.exception.ValidationException}.
 */
package io.oxyde.validation;
