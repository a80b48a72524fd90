package io.oxyde.expression;

/**
 * A value the database computes for each row, usable as {@code annotate(alias, expression)}:
 * an {@link Aggregation} ({@link Count}, {@link Sum}, …) or a {@link Subquery}. On a model
 * query the annotation can be filtered on ({@code filter("n__gt", 5)}) and ordered by
 * ({@code orderBy("-n")}); after {@code values(...)} it is a column of the rows.
 */
public interface Expression {
}
