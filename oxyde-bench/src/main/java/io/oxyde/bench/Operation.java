package io.oxyde.bench;

import io.oxyde.bench.variant.Variant;

/**
 * One database operation of the suite, on one variant, with the {@code i}-th input of its
 * rotation: a caller that counts {@code i} up gives every variant the same sequence of inputs,
 * so none of them reads warmer rows than the others.
 */
@FunctionalInterface
public interface Operation {

    /** Runs the operation and returns its result (a form {@link Canon} can compare across variants). */
    Object run(Variant v, long i);
}
