/** The shared Bean Validation (Hibernate Validator) factory behind {@link io.oxyde.validation.ModelValidation}. */
package io.oxyde.internal.validation;
