package io.oxyde.reliability.values;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.annotation.Id;
import io.oxyde.migration.Migrations;
import io.oxyde.Oxyde;
import io.oxyde.annotation.Table;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 19 item 1: list fields are written, read, updated and filtered on every dialect
 * (PostgreSQL arrays, JSON arrays elsewhere), for rows written by the library and by plain SQL.
 * Expected values are written by hand.
 */
class ListFieldsTest {

    enum Mood { HAPPY, SAD }

    @Table("v19_bag")
    record Bag(@Id Long id, List<Long> ns, List<String> words, List<BigDecimal> amounts, List<UUID> uids,
               List<Mood> moods) {
    }

    static final UUID U1 = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    static final UUID U2 = UUID.fromString("00000000-0000-0000-0000-0000000000ff");

    @AllDatabases
    void listsRoundTripAndFilter(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-lists");
        Migrations.makeMigrations(List.of(Bag.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        try (Oxyde db = ValueDbs.open(tdb)) {
            var bags = db.objects(Bag.class);
            Bag full = new Bag(null, List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, 7L),
                    List.of("plain", "with \"quote\" and \\ backslash", "comma, {brace}", "NULL", "", "astral \uD83D\uDE00"),
                    List.of(new BigDecimal("1.5000"), new BigDecimal("-0.0001"), new BigDecimal("123456789012345.6789")),
                    List.of(U1, U2), List.of(Mood.SAD, Mood.HAPPY));
            Bag empty = new Bag(null, List.of(), List.of(), List.of(), List.of(), List.of());
            Bag a = await(bags.create(full));
            Bag b = await(bags.create(empty));
            List<Bag> bulk = await(bags.bulkCreate(List.of(
                    new Bag(null, List.of(7L, 8L), List.of("x"), List.of(new BigDecimal("2.0000")), List.of(U2), List.of(Mood.HAPPY)),
                    new Bag(null, List.of(9L), List.of("y", "x"), List.of(), List.of(), List.of(Mood.SAD)))));

            // plain SQL, as other programs write lists in each dialect's own form
            try (Connection c = tdb.connect(); Statement st = c.createStatement()) {
                if (tdb.kind() == DatabaseKind.POSTGRES) {
                    st.executeUpdate("INSERT INTO v19_bag (id, ns, words, amounts, uids, moods) VALUES (100, ARRAY[7,100],"
                            + " ARRAY['sql word','x'], ARRAY[3.2500], ARRAY['123e4567-e89b-12d3-a456-426614174000']::uuid[],"
                            + " '{SAD}')");
                } else {
                    st.executeUpdate("INSERT INTO v19_bag (id, ns, words, amounts, uids, moods) VALUES (100, '[7, 100]',"
                            + " '[\"sql word\", \"x\"]', '[3.2500]', '[\"123e4567-e89b-12d3-a456-426614174000\"]', '[\"SAD\"]')");
                }
            }

            assertThat(await(bags.get("id", a.id()))).isEqualTo(new Bag(a.id(), full.ns(), full.words(), full.amounts(),
                    full.uids(), full.moods()));
            assertThat(await(bags.get("id", b.id()))).isEqualTo(new Bag(b.id(), List.of(), List.of(), List.of(), List.of(), List.of()));
            Bag sql = await(bags.get("id", 100L));
            assertThat(sql).isEqualTo(new Bag(100L, List.of(7L, 100L), List.of("sql word", "x"), List.of(new BigDecimal("3.2500")),
                    List.of(U1), List.of(Mood.SAD)));

            // contains: every given element; overlap: at least one; len: number of elements
            assertThat(ids(bags.filter("ns__contains", List.of(7L)))).containsExactlyInAnyOrder(a.id(), bulk.get(0).id(), 100L);
            assertThat(ids(bags.filter("ns__contains", List.of(7L, 8L)))).containsExactly(bulk.get(0).id());
            assertThat(ids(bags.filter("ns__contains", List.of())).size()).isEqualTo(5);
            assertThat(ids(bags.filter("words__contains", List.of("x")))).containsExactlyInAnyOrder(bulk.get(0).id(),
                    bulk.get(1).id(), 100L);
            assertThat(ids(bags.filter("words__contains", List.of("with \"quote\" and \\ backslash")))).containsExactly(a.id());
            assertThat(ids(bags.filter("uids__contains", List.of(U1)))).containsExactlyInAnyOrder(a.id(), 100L);
            assertThat(ids(bags.filter("moods__contains", List.of(Mood.SAD)))).containsExactlyInAnyOrder(a.id(),
                    bulk.get(1).id(), 100L);
            assertThat(ids(bags.filter("ns__overlap", List.of(100L, 9L)))).containsExactlyInAnyOrder(bulk.get(1).id(), 100L);
            assertThat(ids(bags.filter("ns__overlap", List.of()))).isEmpty();
            assertThat(ids(bags.filter("ns__len", 0))).containsExactly(b.id());
            assertThat(ids(bags.filter("ns__len", 2))).containsExactlyInAnyOrder(bulk.get(0).id(), 100L);
            assertThat(ids(bags.filter("words__len", 6))).containsExactly(a.id());

            // update through the model and through update(values); bulkUpdate
            assertThat(await(bags.filter("id", 100L).update(Map.of("ns", List.of(1L, 2L, 3L), "moods", List.of())))).isEqualTo(1);
            assertThat(await(bags.get("id", 100L)).ns()).isEqualTo(List.of(1L, 2L, 3L));
            assertThat(await(bags.get("id", 100L)).moods()).isEqualTo(List.of());
            Bag changed = new Bag(b.id(), List.of(42L), List.of("z"), List.of(new BigDecimal("0.0100")), List.of(U1), List.of(Mood.HAPPY));
            assertThat(await(bags.bulkUpdate(List.of(changed), "ns", "words", "amounts", "uids", "moods"))).isEqualTo(1);
            assertThat(await(bags.get("id", b.id()))).isEqualTo(changed);

            // what plain SQL sees: the dialect's own list form
            try (Connection c = tdb.connect(); Statement st = c.createStatement()) {
                String q = tdb.kind() == DatabaseKind.POSTGRES
                        ? "SELECT count(*) FROM v19_bag WHERE 42 = ANY(ns) AND 'z' = ANY(words)"
                        : tdb.kind() == DatabaseKind.SQLITE
                        ? "SELECT count(*) FROM v19_bag WHERE json_extract(ns, '$[0]') = 42 AND json_extract(words, '$[0]') = 'z'"
                        : "SELECT count(*) FROM v19_bag WHERE JSON_EXTRACT(ns, '$[0]') = 42 AND JSON_UNQUOTE(JSON_EXTRACT(words, '$[0]')) = 'z'";
                try (var rs = st.executeQuery(q)) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                }
            }

            // a list is not a raw SQL parameter (raw parameters are scalars)
            assertThatThrownBy(() -> await(db.raw("SELECT ? AS v", List.of(1L, 2L)).all()))
                    .hasMessageContaining("array value cannot be bound as one parameter");
        }
    }

    private static List<Long> ids(io.oxyde.Query<Bag> q) {
        return await(q.all()).stream().map(Bag::id).toList();
    }
}
