package io.oxyde.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oxyde.bench.Operations;
import io.oxyde.bench.variant.Variants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Regenerates the result tables of {@code docs/performance.md} from a JMH JSON result
 * ({@code -rf json}, one or several files): for each database, the time per operation of every variant and the ratio
 * of each variant to {@code raw_async} (and of {@code raw_async} to {@code raw}); the bytes
 * allocated per single-row operation ({@code -prof gc}); and the other benchmarks (micro, codec,
 * render) as they are. The text between {@value #BEGIN} and {@value #END} is replaced; the rest
 * of the page (method, machine, analysis) is left alone.
 */
public final class PerformanceReport {

    static final String BEGIN = "<!-- BEGIN GENERATED RESULTS (PerformanceReport) -->";
    static final String END = "<!-- END GENERATED RESULTS -->";
    static final String DB_BENCH = "io.oxyde.bench.DbBench.";
    static final List<String> DATABASES = List.of("sqlite", "postgres", "mariadb");
    static final List<String> SINGLE_ROW = List.of("selectById", "count", "insertOne", "updateOne", "deleteOne");
    /** The allocation metric of {@code -prof gc}; JMH before 1.37 prefixed it with a middle dot. */
    static final List<String> ALLOC = List.of("gc.alloc.rate.norm", "·gc.alloc.rate.norm");

    private PerformanceReport() {
    }

    /** One result: score (time or allocation) and its error. */
    record Score(double value, double error, String unit, double alloc) {
    }

    /**
     * Replaces the generated block of {@code markdown} with the tables for {@code json}, preceded
     * by the lines of {@code runInfo} (date, load average, CPU, JDK, options) when given.
     */
    public static void update(List<Path> jsonFiles, Path markdown, Path runInfo) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ArrayNode all = mapper.createArrayNode();
        for (Path json : jsonFiles) {
            if (Files.exists(json)) {
                mapper.readTree(json.toFile()).forEach(all::add);
            } else {
                System.err.println("skipping missing " + json);
            }
        }
        String tables = render(all);
        if (runInfo != null && Files.exists(runInfo)) {
            StringBuilder info = new StringBuilder("\nRun of this table:\n\n");
            for (String line : Files.readAllLines(runInfo, StandardCharsets.UTF_8)) {
                info.append("- ").append(line).append("\n");
            }
            tables = info + tables;
        }
        String doc = Files.exists(markdown) ? Files.readString(markdown, StandardCharsets.UTF_8) : "";
        int b = doc.indexOf(BEGIN);
        int e = doc.indexOf(END);
        String out;
        if (b >= 0 && e > b) {
            out = doc.substring(0, b) + BEGIN + "\n" + tables + END + doc.substring(e + END.length());
        } else {
            out = doc + "\n" + BEGIN + "\n" + tables + END + "\n";
        }
        Files.writeString(markdown, out, StandardCharsets.UTF_8);
        System.out.println("updated " + markdown);
    }

    static String render(JsonNode results) {
        Map<String, Map<String, Map<String, Score>>> db = new LinkedHashMap<>(); // db -> op -> variant
        Map<String, Score> other = new TreeMap<>();
        for (JsonNode r : results) {
            String bench = r.get("benchmark").asText();
            JsonNode pm = r.get("primaryMetric");
            JsonNode alloc = r.path("secondaryMetrics").path(ALLOC.get(0));
            if (alloc.isMissingNode()) {
                alloc = r.path("secondaryMetrics").path(ALLOC.get(1));
            }
            Score s = new Score(pm.get("score").asDouble(), pm.path("scoreError").asDouble(Double.NaN),
                    pm.get("scoreUnit").asText(), alloc.isMissingNode() ? Double.NaN : alloc.get("score").asDouble());
            JsonNode params = r.path("params");
            if (bench.startsWith(DB_BENCH) && params.has("db") && params.has("variant")) {
                db.computeIfAbsent(params.get("db").asText(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(bench.substring(DB_BENCH.length()), k -> new LinkedHashMap<>())
                        .put(params.get("variant").asText(), s);
            } else {
                StringBuilder key = new StringBuilder(bench.replace("io.oxyde.bench.", ""));
                params.fields().forEachRemaining(p -> key.append(" ").append(p.getKey()).append("=")
                        .append(p.getValue().asText()));
                other.put(key.toString(), s);
            }
        }
        StringBuilder out = new StringBuilder();
        Targets.table(out, db, other);
        for (String name : DATABASES) {
            Map<String, Map<String, Score>> ops = db.get(name);
            if (ops != null) {
                timeTable(out, name, ops);
            }
        }
        for (String name : DATABASES) {
            Map<String, Map<String, Score>> ops = db.get(name);
            if (ops != null) {
                allocTable(out, name, ops);
            }
        }
        if (!other.isEmpty()) {
            out.append("\n### Micro, codec and render benchmarks\n\n");
            out.append("| Benchmark | Time | ± (99.9 %) | Unit | Allocated (B/op) | per row |\n|---|---:|---:|---|---:|---:|\n");
            for (Map.Entry<String, Score> e : other.entrySet()) {
                Score s = e.getValue();
                String perRow = "";
                int rows = rowsOf(e.getKey());
                if (rows > 1) {
                    perRow = num(s.value() / rows) + " " + s.unit().replace("/op", "/row");
                }
                out.append("| `").append(e.getKey()).append("` | ").append(num(s.value())).append(" | ")
                        .append(num(s.error())).append(" | ").append(s.unit()).append(" | ").append(num(s.alloc()))
                        .append(" | ").append(perRow).append(" |\n");
            }
        }
        return out.toString();
    }

    private static int rowsOf(String key) {
        if (key.startsWith("MicroBench.hydrate")) {
            return Integer.parseInt(key.substring("MicroBench.hydrate".length()).trim());
        }
        return 1;
    }

    private static List<String> order(Map<String, Map<String, Score>> ops) {
        List<String> names = new ArrayList<>();
        for (String op : Operations.ALL.keySet()) {
            if (ops.containsKey(op)) {
                names.add(op);
            }
        }
        for (String op : ops.keySet()) {
            if (!names.contains(op)) {
                names.add(op);
            }
        }
        return names;
    }

    private static void timeTable(StringBuilder out, String dbName, Map<String, Map<String, Score>> ops) {
        out.append("\n### ").append(dbName).append(": time per operation (µs/op) and ratios to raw_async\n\n");
        out.append("| Operation |");
        for (String v : Variants.ALL) {
            out.append(" ").append(v).append(" |");
        }
        out.append(" raw_async / raw |");
        for (String v : Variants.ALL) {
            if (!v.startsWith("raw")) {
                out.append(" ").append(v).append(" / raw_async |");
            }
        }
        out.append("\n|---|");
        out.append("---:|".repeat(Variants.ALL.size() * 2 - 1)).append("\n");
        for (String op : order(ops)) {
            Map<String, Score> byVariant = ops.get(op);
            out.append("| ").append(op).append(" |");
            for (String v : Variants.ALL) {
                Score s = byVariant.get(v);
                out.append(" ").append(s == null ? "–" : num(s.value()) + " ± " + num(s.error())).append(" |");
            }
            Score raw = byVariant.get("raw");
            Score async = byVariant.get("raw_async");
            out.append(" ").append(ratio(async, raw)).append(" |");
            for (String v : Variants.ALL) {
                if (!v.startsWith("raw")) {
                    out.append(" ").append(ratio(byVariant.get(v), async)).append(" |");
                }
            }
            out.append("\n");
        }
    }

    private static void allocTable(StringBuilder out, String dbName, Map<String, Map<String, Score>> ops) {
        out.append("\n### ").append(dbName).append(": bytes allocated per single-row operation (`-prof gc`)\n\n");
        out.append("| Operation |");
        for (String v : Variants.ALL) {
            out.append(" ").append(v).append(" |");
        }
        out.append(" oxyde − raw_async |\n|---|").append("---:|".repeat(Variants.ALL.size() + 1)).append("\n");
        for (String op : SINGLE_ROW) {
            Map<String, Score> byVariant = ops.get(op);
            if (byVariant == null) {
                continue;
            }
            out.append("| ").append(op).append(" |");
            for (String v : Variants.ALL) {
                Score s = byVariant.get(v);
                out.append(" ").append(s == null ? "–" : num(s.alloc())).append(" |");
            }
            Score ox = byVariant.get("oxyde");
            Score async = byVariant.get("raw_async");
            out.append(" ").append(ox == null || async == null ? "–" : num(ox.alloc() - async.alloc())).append(" |\n");
        }
    }

    static String ratio(Score a, Score b) {
        if (a == null || b == null || b.value() == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f", a.value() / b.value());
    }

    static String num(double d) {
        if (Double.isNaN(d)) {
            return "–";
        }
        double abs = Math.abs(d);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", d).replace(',', ' ');
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
