package io.oxyde.bench;

import io.oxyde.bench.setup.BenchSchema;
import io.oxyde.bench.setup.BenchTarget;
import io.oxyde.bench.variant.Variant;
import io.oxyde.bench.variant.Variants;
import java.util.List;

/**
 * The suite's quick mode: every operation of {@link DbBench} ({@link Operations}) once per
 * variant on one database, and a check that all variants returned the same data as raw JDBC
 * ({@link ResultCheck}). No timing: it keeps the suite compiling and honest in the normal build
 * ({@code QuickCheckTest}) and is {@code BenchMain --quick}.
 */
public final class QuickCheck {

    private QuickCheck() {
    }

    /**
     * Runs every operation once per variant on the target and returns the differences from raw
     * JDBC (empty when all agree). The variants are opened one at a time.
     */
    public static List<String> run(BenchTarget target, List<String> variants) {
        BenchSchema.ensure(target);
        ResultCheck check = new ResultCheck(target.database());
        for (String name : variants) {
            try (Variant v = Variants.open(name, target)) {
                check.check(v, Operations.ALL);
            }
        }
        BenchSchema.clearNotes(target);
        return check.problems();
    }
}
