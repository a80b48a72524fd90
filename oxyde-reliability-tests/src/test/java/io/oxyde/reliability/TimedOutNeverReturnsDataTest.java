package io.oxyde.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.driver.PoolSettings;
import io.oxyde.exception.StatementTimeoutException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement the library timed out always fails with {@link StatementTimeoutException}, whatever the
 * JDBC driver reports (issue 16 item 4): on MariaDB, KILL QUERY makes {@code SLEEP} answer 1
 * and {@code BENCHMARK} answer 0 as if they had finished, and that used to come back as data.
 */
class TimedOutNeverReturnsDataTest {

    @AllDatabases
    void aTimedOutStatementFailsEvenWhenTheDriverAnswers(TestDatabase db) throws Exception {
        try (Rig rig = new Rig(db, PoolSettings.builder().maxConnections(1).statementTimeout(Duration.ofMillis(500)))) {
            List<String> slow = new ArrayList<>(List.of(rig.slowSql(20)));
            if (db.kind() == DatabaseKind.MARIADB) {
                slow.add("SELECT BENCHMARK(2000000000, SHA2('x', 512)) AS b");
            }
            for (String sql : slow) {
                assertThat(Rig.failure(rig.driver.execute(Rig.POOL, Rig.raw(sql)))).as(sql)
                        .isInstanceOf(StatementTimeoutException.class);
            }
            assertThat(rig.scalar("SELECT 5")).isEqualTo(5);
        }
    }
}
