/**
 * Oxyde's user API. {@link io.oxyde.Oxyde} opens a database; {@link io.oxyde.Query} (from
 * {@code db.objects(Model.class)}) filters with Django-style lookups and {@link io.oxyde.Q},
 * orders, joins, prefetches, aggregates ({@link io.oxyde.ValuesQuery}) and writes;
 * {@link io.oxyde.Tx} is the explicit transaction handle of {@code db.atomic(...)};
 * {@link io.oxyde.RawQuery} runs hand-written SQL. The typed attributes ({@link io.oxyde.metamodel.Attribute} and its kinds,
 * {@link io.oxyde.metamodel.Condition}, {@link io.oxyde.metamodel.Order}, {@link io.oxyde.metamodel.Assignments},
 * {@link io.oxyde.metamodel.Row2}...) are what the oxyde-processor's generated metamodel ({@code Track_})
 * is made of; the query builder accepts them wherever it accepts field-name strings. Models are described by annotations
 * ({@link io.oxyde.annotation.Table}, {@link io.oxyde.annotation.Id}, {@link io.oxyde.annotation.Column},
 * {@link io.oxyde.annotation.ForeignKey}, ...), hold lazy references ({@link io.oxyde.Ref}), expose
 * read-only metadata ({@link io.oxyde.meta.ModelMeta}) and are validated with Bean Validation
 * ({@link io.oxyde.validation.ModelValidation}). Every error extends
 * {@link io.oxyde.exception.OxydeException}. Everything under {@code io.oxyde.internal} is
 * implementation and may change without notice.
 */
package io.oxyde;
