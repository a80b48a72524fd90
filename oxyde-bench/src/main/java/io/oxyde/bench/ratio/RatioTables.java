package io.oxyde.bench.ratio;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes a ratio run as Markdown: a header with the run's conditions (time, load at start and
 * end, machine), then for each reference that took part ({@code raw_async}, the floor an async
 * API must beat, and {@code raw}) one table per metric, operation x variant, each cell the median
 * of the per-round ratios with the first and third quartiles ({@code 1.07 (1.02–1.12)}); last the
 * medians of the absolute times, wall / CPU in µs per operation.
 */
public final class RatioTables {

    /** The variants the ratios are taken to, in table order. */
    static final List<String> REFERENCES = List.of("raw_async", "raw");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private RatioTables() {
    }

    public static String markdown(RatioResult r) {
        RatioOptions o = r.options();
        StringBuilder out = new StringBuilder();
        out.append("## ").append(o.db()).append(": ratio mode\n\n");
        out.append("- run: ").append(TIME.format(r.started())).append(" to ").append(TIME.format(r.finished()))
                .append("; ").append(r.machine()).append('\n');
        out.append("- load average (1, 5, 15 min): ").append(r.loadAtStart()).append(" at the start, ")
                .append(r.loadAtEnd()).append(" at the end\n");
        out.append("- ").append(o.variants().size()).append(" variants in one JVM; ").append(rounds(o.rounds()))
                .append(" after ").append(rounds(o.warmupRounds())).append(" of warm-up; a round runs every operation for ")
                .append(o.blockMillis()).append(" ms per variant, the variant order rotating from round to round\n");
        out.append("- ratio cells: median of the per-round ratios (first–third quartile); below 1 is cheaper than the"
                + " reference\n");
        for (String reference : REFERENCES) {
            if (o.variants().contains(reference)) {
                for (Metric m : Metric.values()) {
                    ratioTable(out, r, reference, m);
                }
            }
        }
        absoluteTable(out, r);
        return out.toString();
    }

    private static void ratioTable(StringBuilder out, RatioResult r, String reference, Metric metric) {
        out.append("\n### ").append(metric.label()).append(" / ").append(reference).append("\n\n");
        header(out, r.options().variants());
        for (String op : r.options().operations()) {
            out.append("| ").append(op).append(" |");
            for (String v : r.options().variants()) {
                Quartiles q = r.ratio(op, v, reference, metric);
                out.append(String.format(Locale.ROOT, " %.2f (%.2f–%.2f) |", q.median(), q.q1(), q.q3()));
            }
            out.append('\n');
        }
    }

    private static void absoluteTable(StringBuilder out, RatioResult r) {
        out.append("\n### Median µs/op, wall / process CPU\n\n");
        header(out, r.options().variants());
        for (String op : r.options().operations()) {
            out.append("| ").append(op).append(" |");
            for (String v : r.options().variants()) {
                out.append(' ').append(micros(r.micros(op, v, Metric.WALL).median())).append(" / ")
                        .append(micros(r.micros(op, v, Metric.CPU).median())).append(" |");
            }
            out.append('\n');
        }
    }

    private static void header(StringBuilder out, List<String> variants) {
        out.append("| operation |");
        variants.forEach(v -> out.append(' ').append(v).append(" |"));
        out.append("\n|---|");
        variants.forEach(v -> out.append("---:|"));
        out.append('\n');
    }

    private static String rounds(int n) {
        return n + (n == 1 ? " round" : " rounds");
    }

    /** Three significant digits, at least a whole number. */
    private static String micros(double us) {
        String pattern = us < 10 ? "%.2f" : us < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, us);
    }
}
