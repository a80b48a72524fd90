/**
 * The typed metamodel: the attribute kinds ({@link io.oxyde.metamodel.Attribute} and its
 * subclasses) that the annotation processor's generated companions ({@code Track_.NAME}) are made
 * of, and what they build: {@link io.oxyde.metamodel.Condition}, {@link io.oxyde.metamodel.Order},
 * {@link io.oxyde.metamodel.Assignments} and the typed result rows
 * ({@link io.oxyde.metamodel.Row1} … {@link io.oxyde.metamodel.Row3}). The query builder accepts
 * them wherever it accepts field-name strings, and the compiler then checks field names, lookups
 * and value types.
 */
package io.oxyde.metamodel;
