package io.oxyde.reliability;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.annotation.Id;
import io.oxyde.migration.Migrations;
import io.oxyde.Oxyde;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One rule for times on every dialect (issue 16 item 5): an instant at any offset stores as the
 * same instant (PostgreSQL refused +18:00), and digits finer than a microsecond are cut before
 * sending (PostgreSQL rounded 23:59:59.9999995Z into the next day, MariaDB truncated, SQLite kept
 * them), so the same value reads back the same everywhere.
 */
class TimeRulesTest {

    record TimeRow(@Id Long id, OffsetDateTime at, LocalDateTime local, LocalTime clock) {
    }

    @AllDatabases
    void instantsAtAnyOffsetAndSubMicrosecondDigitsFollowOneRule(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-time");
        Migrations.makeMigrations(List.of(TimeRow.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        OffsetDateTime farEast = OffsetDateTime.of(2026, 12, 2, 10, 0, 0, 0, ZoneOffset.ofHours(18));
        OffsetDateTime lastNanos = OffsetDateTime.of(2026, 12, 31, 23, 59, 59, 999_999_500, ZoneOffset.UTC);
        LocalDateTime localNanos = LocalDateTime.of(2026, 12, 31, 23, 59, 59, 999_999_999);
        LocalTime clockNanos = LocalTime.of(23, 59, 59, 999_999_999);
        try (Oxyde db = Models.open(tdb)) {
            TimeRow a = await(db.objects(TimeRow.class).create(new TimeRow(null, farEast, localNanos, clockNanos)));
            TimeRow b = await(db.objects(TimeRow.class).create(new TimeRow(null, lastNanos, localNanos, clockNanos)));
            for (TimeRow stored : List.of(a, await(db.objects(TimeRow.class).get("id", a.id())))) {
                assertThat(stored.at().toInstant()).isEqualTo(farEast.toInstant());
                assertThat(stored.local()).isEqualTo(LocalDateTime.of(2026, 12, 31, 23, 59, 59, 999_999_000));
                assertThat(stored.clock()).isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
            }
            TimeRow back = await(db.objects(TimeRow.class).get("id", b.id()));
            assertThat(back.at().toInstant()).isEqualTo(lastNanos.withNano(999_999_000).toInstant());
            // filters use the same rule: the value as given finds the row it stored
            assertThat(await(db.objects(TimeRow.class).filter("at", lastNanos).count())).isEqualTo(1);
            assertThat(await(db.objects(TimeRow.class).filter("at", farEast).count())).isEqualTo(1);
        }
    }
}
