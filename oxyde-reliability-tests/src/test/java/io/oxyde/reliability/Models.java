package io.oxyde.reliability;

import io.oxyde.annotation.Id;
import io.oxyde.Oxyde;
import io.oxyde.driver.PoolSettings;
import io.oxyde.testkit.TestDatabase;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** The API models of these tests, and a way to open the API on a test database under a fresh pool name. */
final class Models {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private Models() {
    }

    /** A doctor who is or is not on call (the classic write-skew example). */
    record Doctor(@Id Long id, String name, Boolean onCall) {
    }

    /** A bank account; transfers between two of them take row locks in opposite orders. */
    record Account(@Id Long id, Long balance) {
    }

    /** A row with a unique code, for bulk inserts that fail half-way. */
    record Item(@Id Long id, String code, Long n) {
    }

    /** Opens the API on the test database; closing it closes the pool. */
    static Oxyde open(TestDatabase db, PoolSettings settings) {
        String name = "rel_api_" + POOLS.incrementAndGet() + "_" + db.kind().name().toLowerCase(Locale.ROOT);
        return Oxyde.connect(name, db.oxydeUrl(), settings);
    }

    static Oxyde open(TestDatabase db) {
        return open(db, PoolSettings.defaults());
    }
}
