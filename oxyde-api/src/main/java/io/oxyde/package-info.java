/**
 * Oxyde's user API. {@link io.oxyde.Oxyde} opens a database; {@link io.oxyde.Query} (from
 * {@code db.objects(Model.class)}) filters with Django-style lookups and {@link io.oxyde.Q},
 * orders, joins, prefetches, aggregates ({@link io.oxyde.ValuesQuery}) and writes;
 * {@link io.oxyde.Tx} is the explicit transaction handle of {@code db.atomic(...)};
 * {@link io.oxyde.RawQuery} runs hand-written SQL. The typed attributes ({@link io.oxyde.Attribute} and its kinds,
 * {@link io.oxyde.Condition}, {@link io.oxyde.Order}, {@link io.oxyde.Assignments},
 * {@link io.oxyde.Row2}...) are what the oxyde-processor's generated metamodel ({@code Track_})
 * is made of; the query builder accepts them wherever it accepts field-name strings. Models are described by annotations
 * ({@link io.oxyde.Table}, {@link io.oxyde.Id}, {@link io.oxyde.Column},
 * {@link io.oxyde.ForeignKey}, ...), hold lazy references ({@link io.oxyde.Ref}), expose
 * read-only metadata ({@link io.oxyde.ModelMeta}) and are validated with Bean Validation
 * ({@link io.oxyde.ModelValidation}). Every error extends
 * {@link io.oxyde.driver.OxydeException}. Everything under {@code io.oxyde.internal} is
 * implementation and may change without notice.
 */
package io.oxyde;
