/** The shared Bean Validation (Hibernate Validator) factory behind {@link io.oxyde.ModelValidation}. */
package io.oxyde.internal.validation;
