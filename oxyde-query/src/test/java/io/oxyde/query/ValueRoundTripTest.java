package io.oxyde.query;

import static io.oxyde.codec.FilterNode.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.InsertIr;
import io.oxyde.codec.Lookup;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.oxyde.dialect.Dialect;

/**
 * Every value kind, written through {@link io.oxyde.dialect.internal.StorageFormat} and found again by an equality filter
 * bound through {@link io.oxyde.dialect.internal.StorageFormat}: the storage format and the filter format agree on each database.
 */
class ValueRoundTripTest {
    static final OffsetDateTime TS = OffsetDateTime.parse("2024-02-29T23:45:56.123456+02:00");
    static final Map<String, Value> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("b", Value.of(true));
        VALUES.put("i", Value.of(Long.MAX_VALUE));
        VALUES.put("f", Value.of(1.5d));
        VALUES.put("dec", Value.of(new BigDecimal("12345678901234.123456")));
        VALUES.put("t", Value.of("text ✓"));
        VALUES.put("by", Value.of(new byte[] {0, 1, (byte) 255}));
        VALUES.put("dt", Value.of(LocalDate.of(2024, 2, 29)));
        VALUES.put("tm", Value.of(LocalTime.parse("13:45:56.123456")));
        VALUES.put("ldt", Value.of(LocalDateTime.parse("2024-02-29T13:45:56.123456")));
        VALUES.put("ts", Value.of(TS));
        VALUES.put("u", Value.of(UUID.fromString("123e4567-e89b-42d3-a456-426614174000")));
        VALUES.put("j", new Value.Json("{\"a\": 1}"));
    }

    private final SqlRenderer renderer = new SqlRenderer();

    static void create(Connection c, Dialect d) throws Exception {
        switch (d) {
            case POSTGRES -> {
                Exec.ddl(c, "create table kinds (id integer primary key, b boolean, i bigint, f double precision, dec numeric(20,6), "
                        + "t text, by bytea, dt date, tm time(6), ldt timestamp(6), ts timestamptz(6), u uuid, j jsonb)");
            }
            case SQLITE -> {
                Exec.ddl(c, "create table kinds (id integer primary key, b integer, i integer, f real, dec text, t text, by blob, "
                        + "dt text, tm text, ldt text, ts text, u text, j text)");
            }
            default -> {
                Exec.ddl(c, "create table kinds (id integer primary key, b boolean, i bigint, f double, `dec` decimal(20,6), "
                        + "t text, `by` blob, dt date, tm time(6), ldt datetime(6), ts datetime(6), u char(36), j json) default charset=utf8mb4");
            }
        }
    }

    @AllDatabases
    void everyKindIsStoredAndMatchedExactly(TestDatabase db) throws Exception {
        Dialect d = Exec.dialect(db);
        try (Connection c = db.connect()) {
            create(c, d);
            List<String> columns = new java.util.ArrayList<>(List.of("id"));
            columns.addAll(VALUES.keySet());
            List<Value> row = new java.util.ArrayList<>(List.of(Value.of(1)));
            row.addAll(VALUES.values());
            Exec.run(c, renderer.render(new InsertIr(null, "kinds", columns, List.of(row), List.of(), null), d), d);
            Exec.run(c, renderer.render(new InsertIr(null, "kinds", List.of("id"), List.of(List.of(Value.of(2))), List.of(), null), d), d);
            for (Map.Entry<String, Value> e : VALUES.entrySet()) {
                SelectIr ir = SelectIr.from("kinds").columns("id").filter(condition(e.getKey(), Lookup.EQ, e.getValue())).build();
                assertThat(Exec.run(c, renderer.render(ir, d), d).longs("id")).as("%s = %s on %s", e.getKey(), e.getValue(), d)
                        .containsExactly(1L);
            }
            // The same instant written with another offset matches (the instant is what is kept).
            Value utc = Value.of(TS.withOffsetSameInstant(ZoneOffset.UTC));
            assertThat(Exec.run(c, renderer.render(SelectIr.from("kinds").columns("id")
                    .filter(condition("ts", Lookup.EQ, utc)).build(), d), d).longs("id")).containsExactly(1L);
            assertThat(Exec.run(c, renderer.render(SelectIr.from("kinds").columns("id")
                    .filter(condition("ts", Lookup.GT, Value.of(TS.minusNanos(1000)))).build(), d), d).longs("id")).containsExactly(1L);
            assertThat(Exec.run(c, renderer.render(SelectIr.from("kinds").columns("id")
                    .filter(condition("ldt", Lookup.YEAR, Value.of(2024))).build(), d), d).longs("id")).containsExactly(1L);

            try (PreparedStatement ps = c.prepareStatement("select " + InjectionTest.quote(d, "dec") + ", ts, ldt, u, b from kinds where id = 1");
                 ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(new BigDecimal(rs.getString(1))).isEqualTo(new BigDecimal("12345678901234.123456"));
                if (d == Dialect.SQLITE) {
                    assertThat(rs.getString(2)).isEqualTo("2024-02-29 21:45:56.123456"); // SQLite's own form (issue 19)
                    assertThat(rs.getString(3)).isEqualTo("2024-02-29 13:45:56.123456");
                    assertThat(rs.getString(4)).isEqualTo("123e4567-e89b-42d3-a456-426614174000");
                    assertThat(rs.getInt(5)).isEqualTo(1);
                } else if (d == Dialect.POSTGRES) {
                    assertThat(rs.getObject(2, OffsetDateTime.class).toInstant()).isEqualTo(TS.toInstant());
                    assertThat(rs.getObject(3, LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2024-02-29T13:45:56.123456"));
                    assertThat(rs.getObject(4, UUID.class)).isEqualTo(UUID.fromString("123e4567-e89b-42d3-a456-426614174000"));
                } else {
                    assertThat(rs.getObject(2, LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2024-02-29T21:45:56.123456"));
                    assertThat(rs.getObject(3, LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2024-02-29T13:45:56.123456"));
                    assertThat(rs.getString(4)).isEqualTo("123e4567-e89b-42d3-a456-426614174000");
                }
            }
        }
    }
}
