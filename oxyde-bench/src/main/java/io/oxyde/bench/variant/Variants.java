package io.oxyde.bench.variant;

import io.oxyde.bench.setup.BenchTarget;
import java.util.List;

/** Opens a variant by its JMH parameter name. */
public final class Variants {

    /** Every variant, in report order. */
    public static final List<String> ALL = List.of("raw", "raw_async", "jooq", "hibernate", "oxyde_driver", "oxyde");

    private Variants() {
    }

    public static Variant open(String name, BenchTarget target) {
        return switch (name) {
            case "raw" -> new RawVariant(target);
            case "raw_async" -> new RawAsyncVariant(target);
            case "jooq" -> new JooqVariant(target);
            case "hibernate" -> new HibernateVariant(target);
            case "oxyde_driver" -> new OxydeDriverVariant(target);
            case "oxyde" -> new OxydeVariant(target);
            default -> throw new IllegalArgumentException("unknown variant '" + name + "', expected one of " + ALL);
        };
    }
}
