package io.oxyde.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.codec.InsertIr;
import io.oxyde.codec.RowSet;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import io.oxyde.exception.ValueDecodeException;

/** Typed values written through the renderer come back typed, given the expected kinds. */
class TypedValuesTest {

    private static String ddl(DriverFixture f) {
        switch (f.kind()) {
            case SQLITE:
                return "CREATE TABLE typed (id INTEGER PRIMARY KEY, price TEXT, born TEXT, uid TEXT, active BOOLEAN,"
                        + " seen TEXT, note TEXT)";
            case POSTGRES:
                return "CREATE TABLE typed (id INTEGER PRIMARY KEY, price NUMERIC(10,2), born DATE, uid UUID,"
                        + " active BOOLEAN, seen TIMESTAMPTZ, note TEXT)";
            default:
                return "CREATE TABLE typed (id INTEGER PRIMARY KEY, price DECIMAL(10,2), born DATE, uid CHAR(36),"
                        + " active BOOLEAN, seen DATETIME(6), note TEXT)";
        }
    }

    @AllDatabases
    void expectedKindsComeBackExactly(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db)) {
            f.sql(ddl(f));
            UUID uid = UUID.fromString("0b3c8a5e-6f7d-4e1a-9c2b-1d2e3f405162");
            OffsetDateTime seen = OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 123_456_000, ZoneOffset.ofHours(2));
            List<Value> row = List.of(Value.of(1L), new Value.Decimal(new BigDecimal("12.50")),
                    new Value.Date(LocalDate.of(1999, 12, 31)), new Value.Uuid(uid), Value.Bool.TRUE,
                    new Value.Timestamp(seen), Value.of("hello"));
            List<String> columns = List.of("id", "price", "born", "uid", "active", "seen", "note");
            f.run(new InsertIr("Typed", "typed", columns, List.of(row), List.of(), null));

            List<ValueKind> kinds = List.of(ValueKind.INT, ValueKind.DECIMAL, ValueKind.DATE, ValueKind.UUID,
                    ValueKind.BOOL, ValueKind.TIMESTAMP, ValueKind.TEXT);
            RowSet rows = DriverFixture.await(f.driver.query(DriverFixture.POOL,
                    SelectIr.from("typed").columns(columns.toArray(new String[0])).build(), kinds));
            List<Value> back = rows.rows().get(0);
            assertThat(back.get(0)).isEqualTo(Value.of(1L));
            assertThat(back.get(1)).isEqualTo(new Value.Decimal(new BigDecimal("12.50")));
            assertThat(back.get(2)).isEqualTo(new Value.Date(LocalDate.of(1999, 12, 31)));
            assertThat(back.get(3)).isEqualTo(new Value.Uuid(uid));
            assertThat(back.get(4)).isEqualTo(Value.Bool.TRUE);
            assertThat(back.get(5)).isEqualTo(new Value.Timestamp(seen.withOffsetSameInstant(ZoneOffset.UTC)));
            assertThat(back.get(6)).isEqualTo(Value.of("hello"));

            // NULLs stay NULL whatever kind is expected
            f.sql("INSERT INTO typed (id) VALUES (2)");
            RowSet nulls = DriverFixture.await(f.driver.query(DriverFixture.POOL,
                    DriverFixture.raw("SELECT price, born, uid, seen FROM typed WHERE id = 2"),
                    Arrays.asList(ValueKind.DECIMAL, ValueKind.DATE, ValueKind.UUID, ValueKind.TIMESTAMP)));
            assertThat(nulls.rows().get(0)).containsOnly(Value.Null.INSTANCE);
        }
    }

    @AllDatabases
    void aValueThatDoesNotDecodeIsAnErrorNamingTheColumnNeverANull(TestDatabase db) {
        try (DriverFixture f = new DriverFixture(db)) {
            f.sql(ddl(f));
            f.sql("INSERT INTO typed (id, note) VALUES (1, 'not a uuid')");
            Throwable error = DriverFixture.failure(f.driver.query(DriverFixture.POOL,
                    DriverFixture.raw("SELECT id, note FROM typed"), List.of(ValueKind.INT, ValueKind.UUID)));
            assertThat(error).isInstanceOf(ValueDecodeException.class)
                    .hasMessageContaining("column 'note'").hasMessageContaining("TEXT value")
                    .hasMessageContaining("UUID").hasMessageNotContaining("not a uuid");
            assertThat(((ValueDecodeException) error).column()).isEqualTo("note");
            assertThat(((ValueDecodeException) error).expected()).isEqualTo(ValueKind.UUID);
        }
    }
}
