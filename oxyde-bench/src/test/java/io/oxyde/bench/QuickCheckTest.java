package io.oxyde.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.bench.setup.BenchTarget;
import io.oxyde.bench.setup.Database;
import io.oxyde.bench.variant.Variants;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.util.List;

/**
 * The suite's quick mode in the normal build: every benchmark operation runs once per variant on
 * each test database, and every variant must return the same data as raw JDBC. A correctness
 * check of the contenders (so the timings compare equal work), not a timing.
 */
class QuickCheckTest {

    @AllDatabases
    void everyVariantReturnsTheSameResultsAsRawJdbc(TestDatabase tdb) {
        BenchTarget target = BenchTarget.of(Database.valueOf(tdb.kind().name()), tdb.jdbcUrl(), tdb.user(),
                tdb.password(), tdb.oxydeUrl());
        List<String> problems = QuickCheck.run(target, Variants.ALL);
        assertThat(problems).isEmpty();
        assertThat(Operations.ALL).hasSize(19);
    }
}
