/**
 * Aggregate expressions for {@code annotate}, {@code aggregate} and {@code having}:
 * {@link io.oxyde.expression.Count}, {@link io.oxyde.expression.Sum},
 * {@link io.oxyde.expression.Avg}, {@link io.oxyde.expression.Min} and
 * {@link io.oxyde.expression.Max}, each producing an {@link io.oxyde.expression.Aggregation};
 * and window functions, {@link io.oxyde.expression.Window} over a
 * {@link io.oxyde.expression.WindowedFunction} ({@code RowNumber}, {@code Rank}, {@code DenseRank},
 * {@code Lag}, {@code Lead}) or an aggregate.
 * Column references ({@code F}) and filter trees ({@code Q}) stay in {@code io.oxyde}, beside the
 * query builder that takes them.
 */
package io.oxyde.expression;
