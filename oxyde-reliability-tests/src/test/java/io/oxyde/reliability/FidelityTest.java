package io.oxyde.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oxyde.codec.InsertIr;
import io.oxyde.codec.SelectIr;
import io.oxyde.codec.Value;
import io.oxyde.codec.ValueKind;
import io.oxyde.exception.InvalidQueryException;
import io.oxyde.exception.OxydeException;
import io.oxyde.driver.PoolSettings;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Every value kind goes in and comes back exactly, on every database, through the driver's
 * typed path with expected kinds: 38-digit decimals with their scale, integer extremes,
 * NaN and infinities (a clear error where the database cannot store them), instants with
 * microseconds across time zones and DST changes, local date-times inside DST gaps of the
 * JVM's own zone (the module's tests run with {@code user.timezone=Europe/Berlin}), dates
 * before 1900 and after 2100, empty string versus NULL, Unicode with emoji and combining
 * marks, 16 MB byte arrays and nested Unicode JSON.
 */
class FidelityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String ddl(DatabaseKind kind) {
        switch (kind) {
            case POSTGRES:
                return "CREATE TABLE fid (id BIGINT PRIMARY KEY, dec NUMERIC(38, 10), i16 SMALLINT, i32 INTEGER, i64 BIGINT,"
                        + " dbl DOUBLE PRECISION, ts TIMESTAMP(6) WITH TIME ZONE, ldt TIMESTAMP(6), d DATE, txt TEXT,"
                        + " bin BYTEA, js JSONB, uid UUID)";
            case MARIADB:
                return "CREATE TABLE fid (id BIGINT PRIMARY KEY, `dec` DECIMAL(38, 10), i16 SMALLINT, i32 INTEGER,"
                        + " i64 BIGINT, dbl DOUBLE, ts DATETIME(6), ldt DATETIME(6), d DATE, txt LONGTEXT, bin LONGBLOB,"
                        + " js JSON, uid CHAR(36))";
            default:
                // decimals are exact text on SQLite (docs/dialects.md): a NUMERIC column would turn them into REALs
                return "CREATE TABLE fid (id INTEGER PRIMARY KEY, dec TEXT, i16 SMALLINT, i32 INTEGER,"
                        + " i64 BIGINT, dbl DOUBLE, ts TEXT, ldt TEXT, d DATE, txt TEXT, bin BLOB, js TEXT, uid TEXT)";
        }
    }

    /** Inserts one row per value into {@code column} and reads the column back as {@code kind}, in order. */
    private static List<Value> roundTrip(Rig rig, String column, ValueKind kind, List<Value> values) {
        rig.sql("DELETE FROM fid");
        List<List<Value>> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            rows.add(List.of(Value.of((long) i), values.get(i)));
        }
        for (List<Value> row : rows) { // one statement per row keeps 16 MB values apart
            Rig.await(rig.driver.mutate(Rig.POOL, new InsertIr(null, "fid", List.of("id", column), List.of(row), List.of(),
                    null)));
        }
        SelectIr select = SelectIr.from("fid").columns("id", column).orderBy(io.oxyde.codec.OrderBy.asc("id")).build();
        List<Value> out = new ArrayList<>();
        for (List<Value> row : Rig.await(rig.driver.query(Rig.POOL, select, java.util.Arrays.asList(ValueKind.INT, kind)))
                .rows()) {
            out.add(row.get(1));
        }
        return out;
    }

    private static Rig rig(TestDatabase db) {
        Rig rig = new Rig(db, PoolSettings.builder().maxConnections(2));
        rig.sql(ddl(db.kind()));
        return rig;
    }

    @AllDatabases
    void decimalsWith38DigitsKeepValueAndScale(TestDatabase db) {
        try (Rig rig = rig(db)) {
            List<Value> in = List.of(
                    dec("9999999999999999999999999999.9999999999"),
                    dec("-9999999999999999999999999999.9999999999"),
                    dec("1234567890123456789012345678.9012345678"),
                    dec("0.0000000001"), dec("-0.0000000001"), dec("0.0000000000"), dec("1.5000000000"),
                    Value.nullValue());
            assertThat(roundTrip(rig, "dec", ValueKind.DECIMAL, in)).containsExactlyElementsOf(in);
        }
    }

    @AllDatabases
    void integerExtremesOfEveryWidth(TestDatabase db) {
        try (Rig rig = rig(db)) {
            List<Value> shorts = ints(Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE);
            List<Value> ints = ints(Integer.MIN_VALUE, Integer.MIN_VALUE + 1, 0, Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
            List<Value> longs = ints(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, Long.MAX_VALUE - 1, Long.MAX_VALUE);
            assertThat(roundTrip(rig, "i16", ValueKind.INT, shorts)).containsExactlyElementsOf(shorts);
            assertThat(roundTrip(rig, "i32", ValueKind.INT, ints)).containsExactlyElementsOf(ints);
            assertThat(roundTrip(rig, "i64", ValueKind.INT, longs)).containsExactlyElementsOf(longs);
            // one past the column's range is refused, never wrapped or clamped
            Throwable over = Rig.outcome(rig.driver.mutate(Rig.POOL, new InsertIr(null, "fid", List.of("id", "i16"),
                    List.of(List.of(Value.of(99L), Value.of(Short.MAX_VALUE + 1L))), List.of(), null)));
            if (db.kind() == DatabaseKind.SQLITE) {
                // SQLite has one 64-bit integer type; SMALLINT is a name only, and the value is kept exactly
                assertThat(over).isNull();
                assertThat(rig.scalar("SELECT i16 FROM fid WHERE id = 99")).isEqualTo(Short.MAX_VALUE + 1L);
            } else {
                assertThat(over).isInstanceOf(OxydeException.class).hasMessageContaining("range");
            }
        }
    }

    @AllDatabases
    void nanAndInfinitiesWhereStoredAndAClearErrorWhereNot(TestDatabase db) {
        try (Rig rig = rig(db)) {
            List<Value> finite = List.of(new Value.Float(Double.MAX_VALUE), new Value.Float(-Double.MAX_VALUE),
                    new Value.Float(Double.MIN_VALUE), new Value.Float(0.1), new Value.Float(-0.0), new Value.Float(0.0));
            List<Value> back = roundTrip(rig, "dbl", ValueKind.FLOAT, finite);
            for (int i = 0; i < finite.size(); i++) {
                // -0.0 == 0.0 numerically; the databases may not keep the sign of zero
                assertThat(((Value.Float) back.get(i)).value()).isEqualTo(((Value.Float) finite.get(i)).value());
            }
            rig.sql("DELETE FROM fid");
            for (double special : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                Value v = new Value.Float(special);
                if (db.kind() == DatabaseKind.MARIADB) {
                    Throwable e = Rig.failure(rig.driver.mutate(Rig.POOL, new InsertIr(null, "fid", List.of("id", "dbl"),
                            List.of(List.of(Value.of(1L), v)), List.of(), null)));
                    assertThat(e).isInstanceOf(InvalidQueryException.class)
                            .hasMessageContaining("cannot store NaN or infinite floating-point values")
                            .hasMessageContaining("bind parameter 2 is " + special);
                } else if (db.kind() == DatabaseKind.SQLITE && Double.isNaN(special)) {
                    Throwable e = Rig.failure(rig.driver.mutate(Rig.POOL, new InsertIr(null, "fid", List.of("id", "dbl"),
                            List.of(List.of(Value.of(1L), v)), List.of(), null)));
                    assertThat(e).isInstanceOf(InvalidQueryException.class)
                            .hasMessageContaining("cannot store NaN").hasMessageContaining("bind parameter 2 is NaN");
                } else {
                    assertThat(roundTrip(rig, "dbl", ValueKind.FLOAT, List.of(v))).containsExactly(v);
                }
            }
        }
    }

    @AllDatabases
    void instantsWithMicrosecondsAcrossZonesAndDstChanges(TestDatabase db) {
        try (Rig rig = rig(db)) {
            List<Value> in = new ArrayList<>();
            String[] zones = {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham",
                "UTC", "America/St_Johns"};
            LocalDateTime[] moments = {
                LocalDateTime.of(2024, 3, 31, 1, 59, 59, 999_999_000), // just before the EU spring change
                LocalDateTime.of(2024, 3, 31, 3, 0, 0, 1_000),
                LocalDateTime.of(2024, 10, 27, 2, 30, 0, 123_456_000), // the EU autumn hour that happens twice
                LocalDateTime.of(2024, 3, 10, 2, 30, 0, 654_321_000), // a New York spring gap
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000),
                LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1_000),
                LocalDateTime.of(2100, 12, 31, 23, 59, 59, 999_999_000)};
            for (String zone : zones) {
                for (LocalDateTime m : moments) {
                    ZonedDateTime z = m.atZone(ZoneId.of(zone));
                    in.add(new Value.Timestamp(z.toOffsetDateTime()));
                    in.add(new Value.Timestamp(z.withLaterOffsetAtOverlap().toOffsetDateTime()));
                }
            }
            List<Value> back = roundTrip(rig, "ts", ValueKind.TIMESTAMP, in);
            assertThat(back).hasSameSizeAs(in);
            for (int i = 0; i < in.size(); i++) {
                OffsetDateTime want = ((Value.Timestamp) in.get(i)).value();
                OffsetDateTime got = ((Value.Timestamp) back.get(i)).value();
                assertThat(got.toInstant()).as("row %d, sent %s", i, want).isEqualTo(want.toInstant());
            }
        }
    }

    @AllDatabases
    void localDateTimesInsideTheJvmZonesDstGapAndDatesFarOut(TestDatabase db) {
        assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of("Europe/Berlin"));
        try (Rig rig = rig(db)) {
            List<Value> local = List.of(
                    new Value.DateTime(LocalDateTime.of(2024, 3, 31, 2, 30, 0, 500_000)), // does not exist in Berlin
                    new Value.DateTime(LocalDateTime.of(2024, 10, 27, 2, 30, 0, 999_999_000)), // exists twice in Berlin
                    new Value.DateTime(LocalDateTime.of(1000, 1, 1, 0, 0, 0, 1_000)),
                    new Value.DateTime(LocalDateTime.of(1582, 10, 10, 12, 0)), // skipped by the Julian-Gregorian switch
                    new Value.DateTime(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)));
            assertThat(roundTrip(rig, "ldt", ValueKind.DATE_TIME, local)).containsExactlyElementsOf(local);
            List<Value> dates = new ArrayList<>();
            for (LocalDate d : new LocalDate[] {LocalDate.of(1000, 1, 1), LocalDate.of(1582, 10, 5), LocalDate.of(1582, 10, 15),
                LocalDate.of(1752, 9, 3), LocalDate.of(1899, 12, 31), LocalDate.of(1900, 2, 28), LocalDate.of(2000, 2, 29),
                LocalDate.of(2100, 1, 1), LocalDate.of(2400, 2, 29), LocalDate.of(9999, 12, 31)}) {
                dates.add(new Value.Date(d));
            }
            assertThat(roundTrip(rig, "d", ValueKind.DATE, dates)).containsExactlyElementsOf(dates);
        }
    }

    @AllDatabases
    void textKeepsEmptyApartFromNullAndEveryCodePoint(TestDatabase db) {
        try (Rig rig = rig(db)) {
            List<Value> in = List.of(
                    Value.of(""), Value.nullValue(), Value.of(" "),
                    Value.of("e\u0301 a\u030a o\u0308\u0332"), // combining marks, kept unnormalised
                    Value.of("\u00e9 vs e\u0301"),
                    Value.of("🦀 👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽"), // astral code points, ZWJ sequences, skin tone
                    Value.of("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \uD834\uDD1E"), Value.of("العربية עברית 中文 日本語 한국어"),
                    Value.of("tab\there\nnewline\r\nquote' dq\" backslash\\ percent% underscore_"),
                    Value.of("\u200b\u200d\ufeff\uFFFD"),
                    Value.of("x".repeat(100_000) + "🦀"));
            assertThat(roundTrip(rig, "txt", ValueKind.TEXT, in)).containsExactlyElementsOf(in);
            // (not txt = '': MariaDB's PAD SPACE collations compare ' ' equal to '')
            assertThat(rig.scalar("SELECT count(*) FROM fid WHERE length(txt) = 0")).isEqualTo(1);
            assertThat(rig.scalar("SELECT count(*) FROM fid WHERE txt IS NULL")).isEqualTo(1);
        }
    }

    @AllDatabases
    void sixteenMegabyteByteArraysAndUuids(TestDatabase db) {
        if (db.kind() == DatabaseKind.MARIADB) {
            // Connector/J's default client-side prepares send bytes as hex text, twice their size: with the
            // server's default max_allowed_packet of 16 MiB a 16 MB value is refused, clearly
            try (Rig rig = rig(db)) {
                Throwable e = Rig.failure(rig.driver.mutate(Rig.POOL, new InsertIr(null, "fid", List.of("id", "bin"),
                        List.of(List.of(Value.of(1L), new Value.Bytes(new byte[16_000_000]))), List.of(), null)));
                assertThat(e).isInstanceOf(OxydeException.class).hasMessageContaining("max_allowed_packet");
                assertThat(rig.scalar("SELECT count(*) FROM fid")).isZero();
                rig.sql("DROP TABLE fid");
            }
        }
        PoolSettings.Builder settings = PoolSettings.builder().maxConnections(2);
        if (db.kind() == DatabaseKind.MARIADB) {
            settings.driverProperty("useServerPrepStmts", "true"); // the binary protocol sends the bytes as they are
        }
        try (Rig rig = new Rig(db, settings)) {
            rig.sql(ddl(db.kind()));
            byte[] big = new byte[16_000_000];
            new Random(16).nextBytes(big);
            List<Value> in = List.of(new Value.Bytes(big), new Value.Bytes(new byte[0]), Value.nullValue(),
                    new Value.Bytes(new byte[] {0, (byte) 0xff, '\'', '\\', 0}));
            assertThat(roundTrip(rig, "bin", ValueKind.BYTES, in)).containsExactlyElementsOf(in);
            List<Value> uuids = List.of(new Value.Uuid(UUID.randomUUID()), new Value.Uuid(new UUID(0, 0)),
                    new Value.Uuid(new UUID(-1, -1)));
            assertThat(roundTrip(rig, "uid", ValueKind.UUID, uuids)).containsExactlyElementsOf(uuids);
        }
    }

    @AllDatabases
    void nestedUnicodeJsonComesBackAsTheSameDocument(TestDatabase db) throws Exception {
        try (Rig rig = rig(db)) {
            String doc = "{\"name\": \"Zoë 🦀 e\\u0301\", \"nested\": {\"list\": [1, 2.5, -3e-7, true, null, "
                    + "{\"deep\": [[[\"x\"]]]}], \"empty\": {}, \"quote\": \"\\\"'\\\\\"}, \"big\": 12345678901234567,"
                    + " \"ключ\": \"значение\"}";
            List<Value> in = List.of(new Value.Json(doc), new Value.Json("[]"), new Value.Json("\"just a string\""));
            List<Value> back = roundTrip(rig, "js", ValueKind.JSON, in);
            for (int i = 0; i < in.size(); i++) {
                // JSONB normalises spacing and key order: compare the documents, not the text
                assertThat(JSON.readTree(((Value.Json) back.get(i)).text()))
                        .isEqualTo(JSON.readTree(((Value.Json) in.get(i)).text()));
            }
        }
    }

    private static Value dec(String s) {
        return new Value.Decimal(new BigDecimal(s));
    }

    private static List<Value> ints(long... values) {
        List<Value> out = new ArrayList<>();
        for (long v : values) {
            out.add(Value.of(v));
        }
        return out;
    }
}
