package io.oxyde.reliability.values;

import io.oxyde.Oxyde;
import io.oxyde.driver.PoolSettings;
import io.oxyde.testkit.TestDatabase;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Opens the API on a test database under a fresh pool name. */
final class ValueDbs {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private ValueDbs() {
    }

    static Oxyde open(TestDatabase db) {
        String name = "values_" + POOLS.incrementAndGet() + "_" + db.kind().name().toLowerCase(Locale.ROOT);
        return Oxyde.connect(name, db.oxydeUrl(), PoolSettings.defaults());
    }
}
