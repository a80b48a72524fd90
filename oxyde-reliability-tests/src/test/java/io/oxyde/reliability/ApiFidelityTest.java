package io.oxyde.reliability;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oxyde.annotation.Id;
import io.oxyde.Oxyde;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The same exactness through API models: a record with a field of each sensitive type is
 * created, read back by key and by filter, and must equal what was written, field by field.
 */
class ApiFidelityTest {

    /** One row of every sensitive type; {@code id} is client-supplied. */
    record Sample(@Id Long id, BigDecimal amount, Long big, Integer mid, Short small, Double ratio, Instant happenedAt,
                  LocalDateTime wallClock, LocalDate birthday, String note, byte[] payload, UUID ref, JsonNode doc) {
    }

    private static String ddl(DatabaseKind kind) {
        switch (kind) {
            case POSTGRES:
                return "CREATE TABLE sample (id BIGINT PRIMARY KEY, amount NUMERIC(38, 10), big BIGINT, mid INTEGER,"
                        + " small SMALLINT, ratio DOUBLE PRECISION, happened_at TIMESTAMP(6) WITH TIME ZONE,"
                        + " wall_clock TIMESTAMP(6), birthday DATE, note TEXT, payload BYTEA, ref UUID, doc JSONB)";
            case MARIADB:
                return "CREATE TABLE sample (id BIGINT PRIMARY KEY, amount DECIMAL(38, 10), big BIGINT, mid INT,"
                        + " small SMALLINT, ratio DOUBLE, happened_at DATETIME(6), wall_clock DATETIME(6), birthday DATE,"
                        + " note LONGTEXT, payload LONGBLOB, ref CHAR(36), doc JSON)";
            default:
                return "CREATE TABLE sample (id INTEGER PRIMARY KEY, amount TEXT, big INTEGER, mid INTEGER, small INTEGER,"
                        + " ratio REAL, happened_at TEXT, wall_clock TEXT, birthday TEXT, note TEXT, payload BLOB,"
                        + " ref TEXT, doc TEXT)";
        }
    }

    @AllDatabases
    void modelsRoundTripExactly(TestDatabase tdb) throws Exception {
        ConflictRetryTest.exec(tdb, ddl(tdb.kind()));
        ObjectMapper json = new ObjectMapper();
        byte[] payload = new byte[1 << 20];
        new Random(3).nextBytes(payload);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        List<Sample> samples = List.of(
                new Sample(1L, new BigDecimal("-9999999999999999999999999999.9999999999"), Long.MIN_VALUE, Integer.MAX_VALUE,
                        Short.MIN_VALUE, Double.MAX_VALUE,
                        LocalDateTime.of(2024, 10, 27, 2, 30, 0, 123_456_000).atZone(berlin).withLaterOffsetAtOverlap().toInstant(),
                        LocalDateTime.of(2024, 3, 31, 2, 30, 0, 1_000), LocalDate.of(1582, 10, 15),
                        "Zoë e\u0301 🦀 👩‍👩‍👧‍👦 中文", payload, UUID.randomUUID(),
                        json.readTree("{\"ключ\": [1, {\"deep\": [[\"🦀\"]]}, null, 2.5], \"empty\": {}}")),
                new Sample(2L, new BigDecimal("0.0000000001"), Long.MAX_VALUE, Integer.MIN_VALUE, Short.MAX_VALUE,
                        -Double.MIN_VALUE, Instant.parse("1900-01-01T00:00:00.000001Z"),
                        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), LocalDate.of(9999, 12, 31), "",
                        new byte[0], new UUID(0, 0), json.readTree("[]")),
                new Sample(3L, null, null, null, null, null, null, null, null, null, null, null, null));
        try (Oxyde db = Models.open(tdb)) {
            for (Sample s : samples) {
                await(db.objects(Sample.class).create(s));
            }
            List<Sample> all = await(db.objects(Sample.class).orderBy("id").all());
            assertThat(all).hasSameSizeAs(samples);
            for (int i = 0; i < samples.size(); i++) {
                Sample s = samples.get(i);
                Sample back = await(db.objects(Sample.class).get("id", s.id()));
                for (Sample got : List.of(back, all.get(i))) {
                    // byte arrays by content (AssertJ's recursive comparison walks them byte by byte: slow)
                    assertThat(got).usingRecursiveComparison().ignoringFields("payload").isEqualTo(s);
                    assertThat(got.payload() == null ? null : java.util.Arrays.equals(got.payload(), s.payload()))
                            .isEqualTo(s.payload() == null ? null : Boolean.TRUE);
                }
            }
            // empty string and NULL stay apart, and filters find each exactly
            assertThat(await(db.objects(Sample.class).filter("note", "").all())).extracting(Sample::id).containsExactly(2L);
            assertThat(await(db.objects(Sample.class).filter("note__isnull", true).all())).extracting(Sample::id)
                    .containsExactly(3L);
            assertThat(await(db.objects(Sample.class).filter("note", samples.get(0).note()).count())).isEqualTo(1);
            assertThat(await(db.objects(Sample.class).filter("amount", samples.get(1).amount()).count())).isEqualTo(1);
        }
    }
}
