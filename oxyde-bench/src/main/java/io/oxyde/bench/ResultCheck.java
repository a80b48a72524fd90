package io.oxyde.bench;

import io.oxyde.bench.setup.Database;
import io.oxyde.bench.variant.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares what variants return for the same operations and inputs: the first variant checked
 * sets the expected results ({@link Canon} form), every later one must match them. Timings only
 * mean something when the contenders did the same work, so the quick check and the ratio mode
 * both run this before (or instead of) measuring. An operation that throws is a difference too.
 */
public final class ResultCheck {

    /** The input index every check uses. */
    static final long INPUT = 5;

    private final Database database;
    private final Map<String, Object> expected = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private String reference;

    public ResultCheck(Database database) {
        this.database = database;
    }

    /** Runs each operation once on the variant and records where it differs from the first variant checked. */
    public void check(Variant v, Map<String, Operation> operations) {
        if (reference == null) {
            reference = v.name();
        }
        for (Map.Entry<String, Operation> op : operations.entrySet()) {
            Object got;
            try {
                got = Canon.of(op.getValue().run(v, INPUT));
            } catch (RuntimeException e) {
                problems.add(database + " " + v.name() + " " + op.getKey() + " failed: " + e);
                continue;
            }
            Object want = expected.putIfAbsent(op.getKey(), got);
            if (want != null && !Objects.equals(want, got)) {
                problems.add(database + " " + v.name() + " " + op.getKey() + " returned " + abbreviate(got)
                        + " but " + reference + " returned " + abbreviate(want));
            }
        }
    }

    /** The differences found so far; empty when all variants agree. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
