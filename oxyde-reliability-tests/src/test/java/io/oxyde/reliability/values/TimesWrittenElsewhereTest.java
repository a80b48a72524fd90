package io.oxyde.reliability.values;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.annotation.Id;
import io.oxyde.migration.Migrations;
import io.oxyde.Oxyde;
import io.oxyde.Query;
import io.oxyde.annotation.Table;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Issue 19 item 3: times written by other programs are filtered, ordered and read correctly. On
 * SQLite the rows use every common text form ({@code CURRENT_TIMESTAMP}, {@code datetime()},
 * {@code YYYY-MM-DD HH:MM:SS}, ISO with {@code T}, with {@code Z}, with an offset, milliseconds,
 * and Oxyde's own earlier fixed-width form); PostgreSQL and MariaDB get the same instants through
 * their own literals. Expected rows are computed in Java from the hand-written instants.
 */
class TimesWrittenElsewhereTest {

    @Table("v19_event")
    record Event(@Id Long id, LocalDateTime at, Instant instant, LocalTime clock) {
    }

    private static LocalDateTime t(String iso) {
        return LocalDateTime.parse(iso);
    }

    @AllDatabases
    void timesInEveryFormFilterOrderAndRead(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-times");
        Migrations.makeMigrations(List.of(Event.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        // the UTC date-time of every row, by id (instant = the same date-time in UTC)
        Map<Long, LocalDateTime> when = new LinkedHashMap<>();
        Map<Long, LocalTime> clocks = new LinkedHashMap<>();
        try (Oxyde db = ValueDbs.open(tdb)) {
            var events = db.objects(Event.class);
            for (LocalDateTime at : List.of(t("2026-03-14T09:30:00"), t("2026-03-14T10:00:00.500"),
                    t("2026-03-15T00:00:00.123456"))) {
                Event e = await(events.create(new Event(null, at, at.toInstant(ZoneOffset.UTC), at.toLocalTime())));
                when.put(e.id(), at);
                clocks.put(e.id(), at.toLocalTime());
            }
            boolean sqlite = tdb.kind() == DatabaseKind.SQLITE;
            // id, at text, instant text, clock text (SQLite forms), and the instant they mean
            List<Object[]> plain = List.of(
                    new Object[] {101L, "'2026-03-14 10:00:00'", "'2026-03-14 10:00:00'", "'10:00:00'", t("2026-03-14T10:00:00")},
                    new Object[] {102L, "datetime('2026-03-14 10:00:00', '+90 minutes')",
                            "datetime('2026-03-14 10:00:00', '+90 minutes')", "time('10:00:00', '+90 minutes')",
                            t("2026-03-14T11:30:00")},
                    new Object[] {103L, "'2026-03-14T12:00:00'", "'2026-03-14T12:00:00'", "'12:00:00'", t("2026-03-14T12:00:00")},
                    new Object[] {104L, "'2026-03-14T08:00:00.250'", "'2026-03-14T08:00:00.250Z'", "'08:00:00.250'",
                            t("2026-03-14T08:00:00.250")},
                    new Object[] {105L, "'2026-03-13T23:59:59.000000000'", "'2026-03-13T23:59:59.000000000Z'",
                            "'23:59:59.000000000'", t("2026-03-13T23:59:59")},
                    new Object[] {106L, "'2026-03-14 13:00:00'", "'2026-03-14T15:00:00+02:00'", "'13:00:00'",
                            t("2026-03-14T13:00:00")});
            try (Connection c = tdb.connect(); Statement st = c.createStatement()) {
                for (Object[] row : plain) {
                    LocalDateTime at = (LocalDateTime) row[4];
                    String values = sqlite ? row[1] + ", " + row[2] + ", " + row[3]
                            : "'" + sqlText(at) + "', '" + sqlText(at) + (tdb.kind() == DatabaseKind.POSTGRES ? "+00'" : "'")
                            + ", '" + at.toLocalTime() + "'";
                    st.executeUpdate("INSERT INTO v19_event (id, at, instant, clock) VALUES (" + row[0] + ", " + values + ")");
                    when.put((Long) row[0], at);
                    clocks.put((Long) row[0], at.toLocalTime());
                }
                String now = switch (tdb.kind()) {
                    case SQLITE -> "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIME";
                    case POSTGRES -> "now() AT TIME ZONE 'UTC', now(), localtime(0)";
                    default -> "UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIME()";
                };
                st.executeUpdate("INSERT INTO v19_event (id, at, instant, clock) VALUES (107, " + now + ")");
            }
            Instant now = Instant.now();

            // reading every form
            for (Map.Entry<Long, LocalDateTime> e : when.entrySet()) {
                Event ev = await(events.get("id", e.getKey()));
                assertThat(ev.at()).as("at of %s", e.getKey()).isEqualTo(e.getValue());
                assertThat(ev.instant()).as("instant of %s", e.getKey()).isEqualTo(e.getValue().toInstant(ZoneOffset.UTC));
                assertThat(ev.clock()).as("clock of %s", e.getKey()).isEqualTo(clocks.get(e.getKey()));
            }
            Event current = await(events.get("id", 107L));
            assertThat(Duration.between(current.instant(), now).abs()).isLessThan(Duration.ofMinutes(2));
            assertThat(Duration.between(current.at().toInstant(ZoneOffset.UTC), now).abs()).isLessThan(Duration.ofMinutes(2));

            // comparisons and ranges against every form (row 107, "now", is far later than all others)
            LocalDateTime ten = t("2026-03-14T10:00:00");
            check(events.filter("at__gte", ten), when, at -> !at.isBefore(ten), true);
            check(events.filter("at__gt", ten), when, at -> at.isAfter(ten), true);
            check(events.filter("at__lt", ten), when, at -> at.isBefore(ten), false);
            check(events.filter("at__lte", ten), when, at -> !at.isAfter(ten), false);
            check(events.filter("at", ten), when, at -> at.equals(ten), false);
            check(events.filter("at", t("2026-03-14T12:00:00")), when, at -> at.equals(t("2026-03-14T12:00:00")), false);
            check(events.filter("at", t("2026-03-13T23:59:59")), when, at -> at.equals(t("2026-03-13T23:59:59")), false);
            check(events.filter("at__range", List.of(t("2026-03-14T08:00:00.250"), t("2026-03-14T12:00:00"))), when,
                    at -> !at.isBefore(t("2026-03-14T08:00:00.250")) && !at.isAfter(t("2026-03-14T12:00:00")), false);
            check(events.filter("at__in", List.of(ten, t("2026-03-14T12:00:00"), t("2026-03-13T23:59:59"))), when,
                    at -> at.equals(ten) || at.equals(t("2026-03-14T12:00:00")) || at.equals(t("2026-03-13T23:59:59")), false);
            check(events.exclude("at", ten), when, at -> !at.equals(ten), true);
            Instant one = Instant.parse("2026-03-14T13:00:00Z");
            check(events.filter("instant__gte", one), when, at -> !at.toInstant(ZoneOffset.UTC).isBefore(one), true);
            check(events.filter("instant", one), when, at -> at.toInstant(ZoneOffset.UTC).equals(one), false);
            check(events.filter("instant__lt", Instant.parse("2026-03-14T08:00:00.250Z")), when,
                    at -> at.isBefore(t("2026-03-14T08:00:00.250")), false);
            assertThat(ids(events.filter("instant__gte", now.minus(Duration.ofMinutes(2)))
                    .filter("instant__lte", now.plus(Duration.ofMinutes(2))))).containsExactly(107L);
            // date parts
            check(events.filter("at__year", 2026).filter("at__month", 3).filter("at__day", 14), when,
                    at -> at.toLocalDate().equals(java.time.LocalDate.of(2026, 3, 14)), false);
            // (at, a date-time: on PostgreSQL the parts of a timestamptz follow the session time zone, docs/dialects.md)
            check(events.filter("at__day", 13), when, at -> at.getDayOfMonth() == 13 && at.getYear() == 2026 && at.getMonthValue() == 3, false);
            check(events.filter("at__year", 2026).filter("at__lt", t("2026-03-14T00:00:00")), when,
                    at -> at.getYear() == 2026 && at.isBefore(t("2026-03-14T00:00:00")), false);
            // times of day
            LocalTime tenClock = LocalTime.of(10, 0);
            Map<Long, LocalTime> fixedClocks = new LinkedHashMap<>(clocks);
            List<Long> clockIds = ids(events.filter("clock__gte", tenClock).filter("id__lt", 107L));
            assertThat(clockIds).containsExactlyInAnyOrderElementsOf(fixedClocks.entrySet().stream()
                    .filter(e -> !e.getValue().isBefore(tenClock)).map(Map.Entry::getKey).toList());
            assertThat(ids(events.filter("clock", LocalTime.of(23, 59, 59)))).containsExactly(105L);

            // ordering: chronological whatever the form
            List<Long> expectedOrder = new ArrayList<>(when.keySet());
            expectedOrder.sort(Comparator.comparing(when::get));
            expectedOrder.add(107L);
            assertThat(ids(events.orderBy("at"))).containsExactlyElementsOf(expectedOrder);
            assertThat(ids(events.orderBy("instant"))).containsExactlyElementsOf(expectedOrder);

            if (sqlite) { // the comparison keeps a plain range on the column, so an index on it is used
                try (Connection c = tdb.connect(); Statement st = c.createStatement()) {
                    st.executeUpdate("CREATE INDEX v19_event_at ON v19_event (at)");
                    st.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                            + " INSERT INTO v19_event (id, at, instant, clock) SELECT 1000 + i,"
                            + " datetime('2020-01-01', '+' || i || ' minutes'), NULL, NULL FROM n");
                    st.executeUpdate("ANALYZE");
                }
                try (Oxyde fresh = ValueDbs.open(tdb)) { // a pool opened after the index and ANALYZE
                    var more = fresh.objects(Event.class);
                    for (Query<Event> q : List.of(more.filter("at__gte", ten), more.filter("at", ten),
                            more.filter("at__range", List.of(ten, t("2026-03-14T12:00:00"))))) {
                        assertThat(String.join("\n", await(q.explain()))).contains("USING INDEX v19_event_at");
                    }
                    assertThat(await(more.filter("at__gte", ten).count()))
                            .isEqualTo(when.values().stream().filter(at -> !at.isBefore(ten)).count() + 1); // + "now"
                }
            }
            if (sqlite) { // what Oxyde writes is SQLite's own form, understood by its date functions
                try (Connection c = tdb.connect(); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT at, instant, clock, at = datetime(at, 'subsec') OR at = datetime(at)"
                             + " FROM v19_event ORDER BY id LIMIT 3")) {
                    List<String> stored = new ArrayList<>();
                    while (rs.next()) {
                        stored.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                    }
                    assertThat(stored).containsExactly("2026-03-14 09:30:00|2026-03-14 09:30:00|09:30:00",
                            "2026-03-14 10:00:00.5|2026-03-14 10:00:00.5|10:00:00.5",
                            "2026-03-15 00:00:00.123456|2026-03-15 00:00:00.123456|00:00:00.123456");
                }
            }
        }
    }

    private static String sqlText(LocalDateTime at) {
        return at.toString().replace('T', ' ');
    }

    /** The query's ids equal the hand-computed ones; {@code withNow}: row 107 ("now", later than all) matches too. */
    private static void check(Query<Event> q, Map<Long, LocalDateTime> when, Predicate<LocalDateTime> expected, boolean withNow) {
        List<Long> want = new ArrayList<>(when.entrySet().stream().filter(e -> expected.test(e.getValue())).map(Map.Entry::getKey).toList());
        if (withNow) {
            want.add(107L);
        }
        assertThat(ids(q)).as(q.toIr().toString()).containsExactlyInAnyOrderElementsOf(want);
    }

    private static List<Long> ids(Query<Event> q) {
        return await(q.all()).stream().map(Event::id).toList();
    }
}
