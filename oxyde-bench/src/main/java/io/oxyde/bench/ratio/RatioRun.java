package io.oxyde.bench.ratio;

import io.oxyde.bench.Operation;
import io.oxyde.bench.Operations;
import io.oxyde.bench.ResultCheck;
import io.oxyde.bench.setup.BenchSchema;
import io.oxyde.bench.setup.BenchTarget;
import io.oxyde.bench.variant.Variant;
import io.oxyde.bench.variant.Variants;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ratio run on one database: opens every variant in this JVM, checks once that they all
 * return the same results ({@link ResultCheck}), runs the warm-up rounds, then the measured
 * rounds. A round runs each operation for one block per variant, the variants one after the
 * other in an order that rotates from round to round (so none always runs first, or always right
 * after the same neighbour). Each operation and variant counts its own inputs up through the
 * rotation of {@link Operations}, so all variants read the same sequence of rows. The notes the
 * writes insert are deleted after every block, outside the timing, so no variant inserts into a
 * fuller table than another.
 */
public final class RatioRun {

    private final BenchTarget target;
    private final RatioOptions options;
    private final PrintStream log;
    private final Map<String, Operation> operations;
    private final Map<String, Variant> variants = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> nextInput = new LinkedHashMap<>();
    private final BlockTimer timer;

    private RatioRun(BenchTarget target, RatioOptions options, PrintStream log) {
        this.target = target;
        this.options = options;
        this.log = log;
        this.operations = Operations.named(options.operations());
        this.timer = new BlockTimer(options.blockMillis());
    }

    /** Runs the options on the target, printing progress and the load to {@code log}. */
    public static RatioResult run(BenchTarget target, RatioOptions options, PrintStream log) {
        return new RatioRun(target, options, log).run();
    }

    private RatioResult run() {
        BenchSchema.ensure(target);
        try (Connection cleaner = target.connect()) {
            for (String name : options.variants()) {
                variants.put(name, Variants.open(name, target));
            }
            checkResults(cleaner);
            String loadAtStart = MachineLoad.now();
            Instant started = Instant.now();
            log.println("ratio mode on " + options.db() + ": " + variants.size() + " variants x " + operations.size()
                    + " operations, " + options.warmupRounds() + " warm-up + " + options.rounds() + " rounds of "
                    + options.blockMillis() + " ms blocks; load average " + loadAtStart);
            for (int r = 0; r < options.warmupRounds(); r++) {
                log.println("warm-up round " + (r + 1) + "/" + options.warmupRounds() + ", load " + MachineLoad.now());
                round(r, cleaner, null);
            }
            Map<String, Map<String, List<Sample>>> samples = new LinkedHashMap<>();
            for (int r = 0; r < options.rounds(); r++) {
                log.println("round " + (r + 1) + "/" + options.rounds() + ", load " + MachineLoad.now());
                round(r, cleaner, samples);
            }
            String loadAtEnd = MachineLoad.now();
            log.println("finished; load average " + loadAtEnd);
            String machine = Runtime.getRuntime().availableProcessors() + " CPUs, JDK "
                    + System.getProperty("java.runtime.version");
            return new RatioResult(options, started, Instant.now(), loadAtStart, loadAtEnd, machine, samples);
        } catch (SQLException e) {
            throw new IllegalStateException("ratio run on " + target.database() + " failed: " + e, e);
        } finally {
            variants.values().forEach(Variant::close);
        }
    }

    private void checkResults(Connection cleaner) throws SQLException {
        ResultCheck check = new ResultCheck(target.database());
        for (Variant v : variants.values()) {
            check.check(v, operations);
        }
        BenchSchema.clearNotes(cleaner);
        if (!check.problems().isEmpty()) {
            throw new IllegalStateException("the variants disagree, no timing would compare equal work:\n"
                    + String.join("\n", check.problems()));
        }
    }

    /** One round; {@code samples} is null in warm-up. */
    private void round(int round, Connection cleaner, Map<String, Map<String, List<Sample>>> samples)
            throws SQLException {
        List<Variant> order = new ArrayList<>(variants.values());
        Collections.rotate(order, -(round % order.size()));
        for (Map.Entry<String, Operation> op : operations.entrySet()) {
            Map<String, Long> inputs = nextInput.computeIfAbsent(op.getKey(), k -> new LinkedHashMap<>());
            for (Variant v : order) {
                long first = inputs.getOrDefault(v.name(), 0L);
                Sample s = timer.run(v, op.getValue(), first);
                inputs.put(v.name(), first + s.ops());
                BenchSchema.clearNotes(cleaner);
                if (samples != null) {
                    samples.computeIfAbsent(op.getKey(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(v.name(), k -> new ArrayList<>()).add(s);
                }
            }
        }
    }
}
