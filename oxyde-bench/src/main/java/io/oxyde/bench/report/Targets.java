package io.oxyde.bench.report;

import io.oxyde.bench.report.PerformanceReport.Score;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The performance targets checked against a run, as a generated table: each target's measured
 * ratio (or size), its limit, the run's relative uncertainty and a verdict. The uncertainty is
 * the sum of the two scores' relative 99.9 % errors, so a reader sees at once whether a verdict
 * could flip within the noise of the run.
 */
final class Targets {

    private Targets() {
    }

    private static final List<String> DBS = PerformanceReport.DATABASES;

    static void table(StringBuilder out, Map<String, Map<String, Map<String, Score>>> db, Map<String, Score> other) {
        if (db.isEmpty()) {
            return;
        }
        out.append("\n### Targets checked against this run\n\n");
        out.append("| Target | Database | Measured | Limit | ± (noise) | Verdict |\n|---|---|---:|---:|---:|---|\n");
        for (String name : DBS) {
            double sqlite = name.equals("sqlite") ? 1 : 0;
            ratio(out, db, name, "selectById", "oxyde", "raw_async", "select by PK, oxyde / raw_async", 1.05 + 0.10 * sqlite);
            ratio(out, db, name, "filter100", "oxyde", "raw_async", "filter 100 rows, oxyde / raw_async", 1.10 + 0.10 * sqlite);
            ratio(out, db, name, "filter1000", "oxyde", "raw_async", "filter 1 000 rows, oxyde / raw_async", 1.10 + 0.10 * sqlite);
            for (String op : List.of("insertOne", "updateOne", "deleteOne")) {
                ratio(out, db, name, op, "oxyde", "raw_async", op + ", oxyde / raw_async", 1.10);
            }
            for (String op : List.of("bulkInsert100", "bulkInsert1000", "bulkInsert10000")) {
                ratio(out, db, name, op, "oxyde", "raw", op + ", oxyde / raw (one JDBC batch)", 1.10);
            }
            faster(out, db, name, "jooq");
            faster(out, db, name, "hibernate");
            for (String op : PerformanceReport.SINGLE_ROW) {
                alloc(out, db, name, op);
            }
        }
        Score hydrate = other.get("MicroBench.hydrate1000");
        if (hydrate != null) {
            double perRow = hydrate.value() / 1000;
            out.append("| hydration, ns/row (`MicroBench.hydrate1000`) | – | ").append(PerformanceReport.num(perRow))
                    .append(" | 50 | ").append(pct(hydrate.error() / hydrate.value())).append(" | ")
                    .append(perRow <= 50 ? "met" : "missed").append(" |\n");
        }
    }

    private static Score get(Map<String, Map<String, Map<String, Score>>> db, String name, String op, String variant) {
        Map<String, Map<String, Score>> ops = db.get(name);
        if (ops == null || !ops.containsKey(op)) {
            return null;
        }
        return ops.get(op).get(variant);
    }

    private static void ratio(StringBuilder out, Map<String, Map<String, Map<String, Score>>> db, String name, String op,
                              String a, String b, String label, double limit) {
        Score x = get(db, name, op, a);
        Score y = get(db, name, op, b);
        if (x == null || y == null) {
            return;
        }
        double r = x.value() / y.value();
        double noise = x.error() / x.value() + y.error() / y.value();
        out.append("| ").append(label).append(" | ").append(name).append(" | ").append(fmt(r)).append(" | ≤ ")
                .append(fmt(limit)).append(" | ").append(pct(noise)).append(" | ").append(verdict(r <= limit, noise))
                .append(" |\n");
    }

    private static void faster(StringBuilder out, Map<String, Map<String, Map<String, Score>>> db, String name,
                               String rival) {
        Map<String, Map<String, Score>> ops = db.get(name);
        if (ops == null) {
            return;
        }
        int total = 0;
        int faster = 0;
        StringBuilder slower = new StringBuilder();
        for (Map.Entry<String, Map<String, Score>> e : ops.entrySet()) {
            Score ox = e.getValue().get("oxyde");
            Score r = e.getValue().get(rival);
            if (ox == null || r == null) {
                continue;
            }
            total++;
            if (ox.value() < r.value()) {
                faster++;
            } else {
                slower.append(slower.length() == 0 ? "" : ", ").append(e.getKey());
            }
        }
        if (total == 0) {
            return;
        }
        out.append("| faster than ").append(rival).append(" (operations where oxyde's time is lower) | ").append(name)
                .append(" | ").append(faster).append(" of ").append(total).append(" | all | – | ")
                .append(faster == total ? "met" : "missed (slower: " + slower + ")").append(" |\n");
    }

    private static void alloc(StringBuilder out, Map<String, Map<String, Map<String, Score>>> db, String name, String op) {
        Score ox = get(db, name, op, "oxyde");
        Score base = get(db, name, op, "raw_async");
        if (ox == null || base == null || Double.isNaN(ox.alloc()) || Double.isNaN(base.alloc())) {
            return;
        }
        double extra = ox.alloc() - base.alloc();
        out.append("| ").append(op).append(", bytes allocated by the library (oxyde − raw_async) | ").append(name)
                .append(" | ").append(PerformanceReport.num(extra)).append(" | ≤ 2 048 | exact | ")
                .append(extra <= 2048 ? "met" : "missed").append(" |\n");
    }

    private static String verdict(boolean met, double noise) {
        String v = met ? "met" : "missed";
        return noise > 0.5 ? v + " (within noise)" : v;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    private static String pct(double d) {
        return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, "%.0f %%", d * 100);
    }
}
