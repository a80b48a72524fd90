package io.oxyde.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.annotation.Column;
import io.oxyde.annotation.Id;
import io.oxyde.annotation.Index;
import io.oxyde.annotation.Json;
import io.oxyde.migration.MigrationDraft;
import io.oxyde.migration.Migrations;
import io.oxyde.annotation.Table;
import io.oxyde.annotation.Unique;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A model with one field of every mapped Java type (plus indexes, a unique pair and a check) is
 * created on every database from its generated migration, keeps a row through a change of its enum's
 * values, and rolls back cleanly.
 */
class AllTypesModelMigrationTest {

    enum Mood { HAPPY, SAD }

    enum MoodV2 { HAPPY, SAD, CALM }

    @Json
    record Settings(String theme) {
    }

    @Table(value = "all_types", comment = "one column per Java type",
            indexes = {@Index(columns = {"label", "an_int"}), @Index(columns = "code", where = "code IS NOT NULL")},
            uniqueTogether = @Unique({"small", "tiny"}),
            checks = @io.oxyde.annotation.Check(name = "ck_all_types_small", expression = "small >= 0"))
    record V1(@Id Long id, Integer anInt, short small, byte tiny, Double real, Float single, Boolean flag,
              String label, @Column(length = 20, comment = "a code") String code, @Column(type = "TEXT") String body,
              @Column(precision = 12, scale = 3) BigDecimal amount, BigDecimal loose, byte[] blob, UUID uuid,
              LocalDate day, LocalTime clock, LocalDateTime local, Instant instant, OffsetDateTime offset, Duration span,
              Mood mood, Settings settings, Map<String, Object> extra, List<Integer> numbers,
              @Column(sqlDefault = "'none'") String tag, @Column(unique = true) Long serial) {
    }

    @Table(value = "all_types", comment = "one column per Java type",
            indexes = {@Index(columns = {"label", "an_int"}), @Index(columns = "code", where = "code IS NOT NULL")},
            uniqueTogether = @Unique({"small", "tiny"}),
            checks = @io.oxyde.annotation.Check(name = "ck_all_types_small", expression = "small >= 0"))
    record V2(@Id Long id, Integer anInt, short small, byte tiny, Double real, Float single, Boolean flag,
              String label, @Column(length = 20, comment = "a code") String code, @Column(type = "TEXT") String body,
              @Column(precision = 12, scale = 3) BigDecimal amount, BigDecimal loose, byte[] blob, UUID uuid,
              LocalDate day, LocalTime clock, LocalDateTime local, Instant instant, OffsetDateTime offset, Duration span,
              MoodV2 mood, Settings settings, Map<String, Object> extra, List<Integer> numbers,
              @Column(sqlDefault = "'none'") String tag, @Column(unique = true) Long serial) {
    }

    @AllDatabases
    void everyTypeMigrates(TestDatabase db) throws Exception {
        Path dir = Files.createTempDirectory("oxyde-all-types");
        String url = db.oxydeUrl();
        MigrationDraft first = Migrations.makeMigrations(List.of(V1.class), dir, "initial", false).orElseThrow();
        assertThat(first.migration().snapshot().requireTable("all_types").columns()).hasSize(26);
        assertThat(Migrations.migrate(url, dir).applied()).containsExactly("0001_initial");
        assertThat(columns(db)).containsExactly("id", "an_int", "small", "tiny", "real", "single", "flag", "label", "code",
                "body", "amount", "loose", "blob", "uuid", "day", "clock", "local", "instant", "offset", "span", "mood",
                "settings", "extra", "numbers", "tag", "serial");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO all_types (an_int, small, tiny, label, amount, mood, serial)"
                    + " VALUES (42, 3, 1, 'first', 1234.567, 'SAD', 9)");
        }
        assertThat(row(db)).isEqualTo("42|3|first|1234.567|SAD|none");

        MigrationDraft second = Migrations.makeMigrations(List.of(V2.class), dir, "calm", false).orElseThrow();
        assertThat(second.migration().operations()).hasSize(1);
        Migrations.migrate(url, dir);
        assertThat(row(db)).isEqualTo("42|3|first|1234.567|SAD|none");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE all_types SET mood = 'CALM'");
        }
        assertThat(row(db)).endsWith("|CALM|none");
        assertThat(Migrations.makeMigrations(List.of(V2.class), dir, "none", false)).isEmpty();

        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE all_types SET mood = 'HAPPY'");
        }
        assertThat(Migrations.rollback(url, dir, "zero").rolledBack()).containsExactly("0002_calm", "0001_initial");
    }

    private static String row(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT an_int, small, label, amount, mood, tag FROM all_types")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|"
                    + new BigDecimal(rs.getString(4)).stripTrailingZeros().toPlainString() + "|" + rs.getString(5) + "|"
                    + rs.getString(6);
        }
    }

    private static List<String> columns(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM all_types WHERE 1 = 0")) {
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return out;
        }
    }
}
