package io.oxyde.bench.ratio;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The samples of one ratio run and the statistics the report shows. {@code samples} holds, per
 * operation and variant, one {@link Sample} per measured round, the rounds in order; a ratio is
 * always taken between two samples of the same round, a few hundred milliseconds apart, so the
 * machine's slow drifts cancel out and only the spread of the per-round ratios remains.
 */
public record RatioResult(RatioOptions options, Instant started, Instant finished, String loadAtStart,
                          String loadAtEnd, String machine, Map<String, Map<String, List<Sample>>> samples) {

    /** Quartiles over the rounds of {@code variant}'s time per operation divided by {@code reference}'s. */
    public Quartiles ratio(String operation, String variant, String reference, Metric metric) {
        List<Sample> of = rounds(operation, variant);
        List<Sample> to = rounds(operation, reference);
        double[] ratios = new double[of.size()];
        for (int r = 0; r < ratios.length; r++) {
            ratios[r] = metric.nanosPerOp(of.get(r)) / metric.nanosPerOp(to.get(r));
        }
        return Quartiles.of(ratios);
    }

    /** Quartiles over the rounds of {@code variant}'s time per operation, in microseconds. */
    public Quartiles micros(String operation, String variant, Metric metric) {
        List<Sample> of = rounds(operation, variant);
        double[] micros = new double[of.size()];
        for (int r = 0; r < micros.length; r++) {
            micros[r] = metric.nanosPerOp(of.get(r)) / 1000;
        }
        return Quartiles.of(micros);
    }

    private List<Sample> rounds(String operation, String variant) {
        List<Sample> rounds = samples.getOrDefault(operation, Map.of()).get(variant);
        if (rounds == null) {
            throw new IllegalArgumentException("no samples of " + variant + " " + operation);
        }
        return rounds;
    }
}
