package io.oxyde.reliability.values;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oxyde.Oxyde;
import io.oxyde.Ref;
import io.oxyde.annotation.Column;
import io.oxyde.annotation.Id;
import io.oxyde.annotation.IdStrategy;
import io.oxyde.annotation.Json;
import io.oxyde.annotation.Table;
import io.oxyde.exception.OxydeException;
import io.oxyde.migration.Migrations;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 19, "Done means": every value kind of docs/models.md on every dialect, in a table the
 * migrations created, with the edge values — max/min of every integer width, 38-digit decimals,
 * astral Unicode in a 1 MB text, all 256 byte values, times inside a DST gap and a DST overlap,
 * empty strings, lists and documents, NULL in every column — written both by Oxyde and by plain
 * JDBC the way other programs write them (each driver's natural setter, the dialect's text forms),
 * and read back through the model equal to the values written; a filter on each value finds both
 * rows. NUL in text round-trips where the database can hold it and is refused with a clear error
 * naming the field on PostgreSQL.
 */
class EveryValueKindRoundTripTest {

    enum Mood { CALM, LOUD }

    @Json
    record Point(int x, String label) {
    }

    @Table("v19_owner")
    record Owner(Long id, String name) {
    }

    @Table("v19_kinds")
    record Kinds(@Id(strategy = IdStrategy.CLIENT) Long id, Long big, Integer mid, Short small, Byte tiny, Double dbl,
                 Float flt, Boolean flag, @Column(type = "TEXT") String text, Mood mood,
                 @Column(precision = 38, scale = 10) BigDecimal amount, byte[] bytes, UUID uid, LocalDate day,
                 LocalTime clock, LocalDateTime wall, Instant instant, OffsetDateTime offset, Duration span, Point point,
                 Map<String, Object> map, JsonNode node, List<Long> longs, List<String> words, Ref<Owner> owner) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private static List<Kinds> samples() throws Exception {
        byte[] all256 = new byte[256 * 4];
        for (int i = 0; i < all256.length; i++) {
            all256[i] = (byte) i;
        }
        StringBuilder mb = new StringBuilder(1 << 20);
        String unit = "Zoë e\u0301 🦀 𝄞 中文 '\"\\ ";
        while (mb.length() < (1 << 20)) {
            mb.append(unit);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ключ", "🦀");
        map.put("list", List.of(1, "two", List.of()));
        map.put("nothing", null);
        Kinds max = new Kinds(1L, Long.MAX_VALUE, Integer.MAX_VALUE, Short.MAX_VALUE, Byte.MAX_VALUE, Double.MAX_VALUE,
                Float.MAX_VALUE, true, mb.toString(), Mood.LOUD, new BigDecimal("9999999999999999999999999999.9999999999"),
                all256, UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff"), LocalDate.of(9999, 12, 31),
                LocalTime.of(23, 59, 59, 999_999_000),
                LocalDateTime.of(2024, 3, 31, 2, 30, 0, 1_000), // inside Berlin's spring-forward gap
                LocalDateTime.of(2024, 10, 27, 2, 30, 0, 123_456_000).atZone(BERLIN).withLaterOffsetAtOverlap().toInstant(),
                OffsetDateTime.of(2024, 10, 27, 2, 59, 59, 999_999_000, ZoneOffset.ofHoursMinutes(5, 30)),
                Duration.ofSeconds(9_000_000_000L, 999_999_000), new Point(Integer.MAX_VALUE, "👩‍👩‍👧‍👦"), map,
                JSON.readTree("{\"deep\": [[\"𝄞\"], {\"n\": 2.5}], \"empty\": {}}"),
                List.of(Long.MIN_VALUE, 0L, Long.MAX_VALUE), List.of("", "🦀", "quote'\"", "NULL", "{a,b}", "\\"),
                Ref.id(Owner.class, 1L));
        Kinds min = new Kinds(2L, Long.MIN_VALUE, Integer.MIN_VALUE, Short.MIN_VALUE, Byte.MIN_VALUE, -Double.MIN_VALUE,
                -Float.MAX_VALUE, false, "", Mood.CALM, new BigDecimal("-9999999999999999999999999999.9999999999"),
                new byte[0], new UUID(0, 0), LocalDate.of(1900, 1, 1), LocalTime.MIDNIGHT,
                LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1_000),
                LocalDateTime.of(2024, 10, 27, 2, 30, 0, 1_000).atZone(BERLIN).withEarlierOffsetAtOverlap().toInstant(),
                OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-12)), Duration.ofNanos(-1_000),
                new Point(Integer.MIN_VALUE, ""), Map.of(), JSON.readTree("[]"), List.of(), List.of(),
                Ref.id(Owner.class, 1L));
        Kinds nulls = new Kinds(3L, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        return List.of(max, min, nulls);
    }

    @AllDatabases
    void everyKindRoundTripsWrittenByOxydeAndByPlainSql(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-kinds");
        Migrations.makeMigrations(List.of(Owner.class, Kinds.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        List<Kinds> samples = samples();
        try (Oxyde db = ValueDbs.open(tdb); Connection c = tdb.connect()) {
            await(db.objects(Owner.class).create(new Owner(1L, "owner")));
            var kinds = db.objects(Kinds.class);
            for (Kinds k : samples) {
                await(kinds.create(k));
            }
            for (Kinds k : samples) {
                insertByPlainSql(c, tdb.kind(), k, k.id() + 100);
            }
            for (Kinds k : samples) {
                for (long id : new long[] {k.id(), k.id() + 100}) {
                    assertSame(await(kinds.get("id", id)), k, id);
                }
            }
            List<Kinds> listed = await(kinds.orderBy("id").all());
            assertThat(listed).extracting(Kinds::id).containsExactly(1L, 2L, 3L, 101L, 102L, 103L);
            for (int i = 0; i < listed.size(); i++) {
                assertSame(listed.get(i), samples.get(i % 3), listed.get(i).id());
            }
            // a filter on each value finds the row written by Oxyde and the one written by plain SQL
            for (Kinds k : samples.subList(0, 2)) {
                Map<String, Object> filters = new LinkedHashMap<>();
                filters.put("big", k.big());
                filters.put("mid", k.mid());
                filters.put("small", k.small());
                filters.put("tiny", k.tiny());
                filters.put("dbl", k.dbl());
                filters.put("flag", k.flag());
                filters.put("text", k.text());
                filters.put("mood", k.mood());
                filters.put("amount", k.amount());
                filters.put("uid", k.uid());
                filters.put("day", k.day());
                filters.put("clock", k.clock());
                filters.put("wall", k.wall());
                filters.put("instant", k.instant());
                filters.put("offset", k.offset());
                filters.put("span", k.span());
                for (Map.Entry<String, Object> f : filters.entrySet()) {
                    assertThat(await(kinds.filter(f.getKey(), f.getValue()).flatValues("id").orderBy("id").all()))
                            .as("filter %s on row %s", f.getKey(), k.id()).containsExactly(k.id(), k.id() + 100);
                }
            }
            for (String field : List.of("big", "text", "amount", "bytes", "uid", "instant", "point", "longs", "owner")) {
                assertThat(await(kinds.filter(field + "__isnull", true).flatValues("id").orderBy("id").all()))
                        .as("isnull %s", field).containsExactly(3L, 103L);
            }
        }
    }

    @AllDatabases
    void nulInTextRoundTripsOrIsRefusedByName(TestDatabase tdb) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-nul");
        Migrations.makeMigrations(List.of(Owner.class), dir, "initial", false).orElseThrow();
        Migrations.migrate(tdb.oxydeUrl(), dir);
        try (Oxyde db = ValueDbs.open(tdb)) {
            var owners = db.objects(Owner.class);
            String nul = "before\u0000after";
            if (tdb.kind() == DatabaseKind.POSTGRES) {
                assertThatThrownBy(() -> await(owners.create(new Owner(null, nul))))
                        .isInstanceOf(OxydeException.class)
                        .hasMessageContaining("text holding a NUL character (U+0000) is not supported on POSTGRES")
                        .hasMessageContaining("name") // the place: the column it was bound to
                        .hasMessageContaining("NUL at index 6");
                assertThatThrownBy(() -> await(owners.filter("name", nul).count()))
                        .hasMessageContaining("NUL at index 6");
                assertThat(await(owners.count())).isZero();
            } else {
                Owner saved = await(owners.create(new Owner(null, nul)));
                assertThat(await(owners.get("id", saved.id())).name()).isEqualTo(nul);
                assertThat(await(owners.filter("name", nul).count())).isEqualTo(1L);
            }
        }
    }

    private static void assertSame(Kinds got, Kinds expected, long id) {
        assertThat(got.id()).isEqualTo(id);
        assertThat(got).as("row %s", id).usingRecursiveComparison()
                .ignoringFields("id", "bytes", "text", "offset", "node", "owner").isEqualTo(expected);
        assertThat(got.text()).as("text of row %s", id).isEqualTo(expected.text()); // 1 MB: compared as a string
        assertThat(got.bytes() == null ? null : Arrays.equals(got.bytes(), expected.bytes())).as("bytes of row %s", id)
                .isEqualTo(expected.bytes() == null ? null : Boolean.TRUE);
        // an instant keeps its point in time, not its offset (docs/models.md)
        assertThat(got.offset() == null ? null : got.offset().toInstant())
                .isEqualTo(expected.offset() == null ? null : expected.offset().toInstant());
        assertThat(got.node()).isEqualTo(expected.node());
        assertThat(got.owner() == null ? null : got.owner().id())
                .isEqualTo(expected.owner() == null ? null : expected.owner().id());
    }

    /** The row as another program writes it: each driver's natural setter, the dialect's text forms. */
    private static void insertByPlainSql(Connection c, DatabaseKind kind, Kinds k, long id) throws Exception {
        String columns = "id, big, mid, small, tiny, dbl, flt, flag, text, mood, amount, bytes, uid, day, clock, wall,"
                + " instant, \"offset\", span, point, map, node, longs, words, owner_id";
        if (kind == DatabaseKind.MARIADB) {
            columns = columns.replace("\"offset\"", "`offset`");
        }
        String marks = String.join(", ", java.util.Collections.nCopies(25, "?"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO v19_kinds (" + columns + ") VALUES (" + marks + ")")) {
            boolean pg = kind == DatabaseKind.POSTGRES;
            boolean sqlite = kind == DatabaseKind.SQLITE;
            int i = 1;
            ps.setLong(i++, id);
            setOrNull(ps, i++, k.big(), () -> ps.setLong(2, k.big()));
            setOrNull(ps, i++, k.mid(), () -> ps.setInt(3, k.mid()));
            setOrNull(ps, i++, k.small(), () -> ps.setShort(4, k.small()));
            setOrNull(ps, i++, k.tiny(), () -> ps.setByte(5, k.tiny()));
            setOrNull(ps, i++, k.dbl(), () -> ps.setDouble(6, k.dbl()));
            setOrNull(ps, i++, k.flt(), () -> ps.setDouble(7, k.flt()));
            setOrNull(ps, i++, k.flag(), () -> ps.setBoolean(8, k.flag()));
            setOrNull(ps, i++, k.text(), () -> ps.setString(9, k.text()));
            setOrNull(ps, i++, k.mood(), () -> {
                if (pg) {
                    ps.setObject(10, k.mood().name(), Types.OTHER); // the native enum type takes untyped text
                } else {
                    ps.setString(10, k.mood().name());
                }
            });
            setOrNull(ps, i++, k.amount(), () -> {
                if (sqlite) {
                    ps.setString(11, k.amount().toPlainString()); // SQLite has no exact number: text keeps all 38 digits
                } else {
                    ps.setBigDecimal(11, k.amount());
                }
            });
            setOrNull(ps, i++, k.bytes(), () -> ps.setBytes(12, k.bytes()));
            setOrNull(ps, i++, k.uid(), () -> {
                if (pg) {
                    ps.setObject(13, k.uid());
                } else {
                    ps.setString(13, k.uid().toString());
                }
            });
            setOrNull(ps, i++, k.day(), () -> {
                if (sqlite) {
                    ps.setString(14, k.day().toString());
                } else {
                    ps.setObject(14, k.day());
                }
            });
            setOrNull(ps, i++, k.clock(), () -> {
                if (pg) {
                    ps.setObject(15, k.clock());
                } else {
                    ps.setString(15, DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS").format(k.clock()));
                }
            });
            setOrNull(ps, i++, k.wall(), () -> {
                if (pg) {
                    ps.setObject(16, k.wall());
                } else {
                    ps.setString(16, TEXT_TIME.format(k.wall()));
                }
            });
            setOrNull(ps, i++, k.instant(), () -> instant(ps, 17, pg, k.instant()));
            setOrNull(ps, i++, k.offset(), () -> instant(ps, 18, pg, k.offset().toInstant()));
            setOrNull(ps, i++, k.span(), () -> ps.setLong(19, k.span().toNanos() / 1_000));
            setOrNull(ps, i++, k.point(), () -> json(ps, 20, pg, JSON.writeValueAsString(k.point())));
            setOrNull(ps, i++, k.map(), () -> json(ps, 21, pg, JSON.writeValueAsString(k.map())));
            setOrNull(ps, i++, k.node(), () -> json(ps, 22, pg, JSON.writeValueAsString(k.node())));
            setOrNull(ps, i++, k.longs(), () -> {
                if (pg) {
                    ps.setArray(23, c.createArrayOf("bigint", k.longs().toArray()));
                } else {
                    ps.setString(23, JSON.writeValueAsString(k.longs()));
                }
            });
            setOrNull(ps, i++, k.words(), () -> {
                if (pg) {
                    ps.setArray(24, c.createArrayOf("text", k.words().toArray()));
                } else {
                    ps.setString(24, JSON.writeValueAsString(k.words()));
                }
            });
            setOrNull(ps, i++, k.owner(), () -> ps.setLong(25, (Long) k.owner().id()));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static void instant(PreparedStatement ps, int i, boolean pg, Instant at) throws Exception {
        if (pg) {
            ps.setObject(i, at.atOffset(ZoneOffset.UTC));
        } else {
            ps.setString(i, TEXT_TIME.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC))); // UTC text, no offset
        }
    }

    private static void json(PreparedStatement ps, int i, boolean pg, String text) throws Exception {
        if (pg) {
            ps.setObject(i, text, Types.OTHER);
        } else {
            ps.setString(i, text);
        }
    }

    private interface Setter {
        void set() throws Exception;
    }

    private static void setOrNull(PreparedStatement ps, int i, Object value, Setter setter) throws Exception {
        if (value == null) {
            ps.setNull(i, Types.NULL);
        } else {
            setter.set();
        }
    }
}
