package io.oxyde.bench.ratio;

import java.util.Arrays;

/**
 * First quartile, median and third quartile of some values (linear interpolation between the
 * closest ranks). The median of per-round values ignores the rounds a burst of load spoiled; the
 * quartiles say how far the undisturbed rounds spread.
 */
public record Quartiles(double q1, double median, double q3) {

    /** The quartiles of at least one value. */
    public static Quartiles of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Quartiles(quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75));
    }

    private static double quantile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
