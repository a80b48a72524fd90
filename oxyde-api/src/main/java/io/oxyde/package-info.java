/**
 * What an application uses to connect and query. {@link io.oxyde.Oxyde} opens a database;
 * {@link io.oxyde.Query} (from {@code db.objects(Model.class)}) filters with Django-style lookups,
 * {@link io.oxyde.Q} and {@link io.oxyde.F}, orders, joins, prefetches, aggregates
 * ({@link io.oxyde.ValuesQuery}) and writes; {@link io.oxyde.Tx} is the explicit transaction handle
 * of {@code db.atomic(...)}; {@link io.oxyde.RawQuery} runs hand-written SQL; {@link io.oxyde.Ref}
 * is the lazy value of a foreign-key field and {@link io.oxyde.ModelHooks} the callbacks a model
 * may implement around its writes.
 *
 * <p>The other concepts have a package each: model annotations in {@link io.oxyde.annotation},
 * read-only model metadata in {@link io.oxyde.meta}, the typed metamodel the annotation processor
 * generates ({@code Track_}) in {@link io.oxyde.metamodel}, aggregate expressions in
 * {@link io.oxyde.expression}, model-driven migrations in {@link io.oxyde.migration}, Bean
 * Validation in {@link io.oxyde.validation}, and every error under
 * {@link io.oxyde.exception.OxydeException} in {@link io.oxyde.exception}. Everything under
 * {@code io.oxyde.internal} is implementation and may change without notice.
 */
package io.oxyde;
