package io.oxyde.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.annotation.Column;
import io.oxyde.annotation.Id;
import io.oxyde.annotation.IdStrategy;
import io.oxyde.annotation.Index;
import io.oxyde.annotation.Json;
import io.oxyde.migration.Migrations;
import io.oxyde.exception.ModelDefinitionException;
import io.oxyde.annotation.RenamedFrom;
import io.oxyde.annotation.Table;
import io.oxyde.annotation.Unique;
import io.oxyde.chinook.Album;
import io.oxyde.chinook.ChinookData;
import io.oxyde.chinook.PlaylistTrack;
import io.oxyde.migrate.ColumnType;
import io.oxyde.migrate.ForeignKeyDefinition;
import io.oxyde.migrate.IndexMethod;
import io.oxyde.migrate.ReferentialAction;
import io.oxyde.migrate.Schema;
import io.oxyde.migrate.TypeKind;
import io.oxyde.migrate.UniqueDefinition;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The model → migration schema bridge, on the Chinook models and on one model per Java type. */
class ModelSchemaBuilderTest {

    private final Schema chinook = Migrations.schemaOf(ChinookData.MODELS);

    @Test
    void everyChinookTableSortedByName() {
        assertThat(chinook.tables()).extracting(io.oxyde.migrate.TableDefinition::name).containsExactly("album", "artist",
                "customer", "employee", "genre", "invoice", "invoice_line", "media_type", "playlist", "playlist_track",
                "track");
    }

    @Test
    void listingOrderDoesNotMatterAndReferencedModelsAreAdded() {
        List<Class<?>> reversed = new ArrayList<>(ChinookData.MODELS);
        Collections.reverse(reversed);
        assertThat(Migrations.schemaOf(reversed)).isEqualTo(chinook);
        // PlaylistTrack references Playlist and Track, which reference Album, Artist, Genre, MediaType
        assertThat(Migrations.schemaOf(PlaylistTrack.class).tables()).extracting(io.oxyde.migrate.TableDefinition::name)
                .containsExactly("album", "artist", "genre", "media_type", "playlist", "playlist_track", "track");
    }

    @Test
    void trackColumnsTypesAndKeys() {
        io.oxyde.migrate.TableDefinition track = chinook.requireTable("track");
        assertThat(track.columns()).containsExactly(
                io.oxyde.migrate.ColumnDefinition.identity("id", ColumnType.bigint()),
                io.oxyde.migrate.ColumnDefinition.of("name", ColumnType.varchar(200)),
                io.oxyde.migrate.ColumnDefinition.nullable("album_id", ColumnType.bigint()),
                io.oxyde.migrate.ColumnDefinition.of("media_type_id", ColumnType.bigint()),
                io.oxyde.migrate.ColumnDefinition.nullable("genre_id", ColumnType.bigint()),
                io.oxyde.migrate.ColumnDefinition.nullable("composer", ColumnType.varchar(220)),
                io.oxyde.migrate.ColumnDefinition.of("milliseconds", ColumnType.integer()),
                io.oxyde.migrate.ColumnDefinition.nullable("bytes", ColumnType.integer()),
                io.oxyde.migrate.ColumnDefinition.of("unit_price", ColumnType.decimal(10, 2)));
        assertThat(track.primaryKey()).containsExactly("id");
        assertThat(track.foreignKeys()).containsExactly(
                new ForeignKeyDefinition("fk_track_album_id", List.of("album_id"), "album", List.of("id"),
                        ReferentialAction.RESTRICT, ReferentialAction.CASCADE),
                new ForeignKeyDefinition("fk_track_media_type_id", List.of("media_type_id"), "media_type", List.of("id"),
                        ReferentialAction.RESTRICT, ReferentialAction.CASCADE),
                new ForeignKeyDefinition("fk_track_genre_id", List.of("genre_id"), "genre", List.of("id"),
                        ReferentialAction.RESTRICT, ReferentialAction.CASCADE));
        assertThat(track.indexes()).containsExactly(
                io.oxyde.migrate.IndexDefinition.of("ix_track_album_id", "album_id"),
                io.oxyde.migrate.IndexDefinition.of("ix_track_media_type_id", "media_type_id"),
                io.oxyde.migrate.IndexDefinition.of("ix_track_genre_id", "genre_id"),
                io.oxyde.migrate.IndexDefinition.of("ix_track_unit_price", "unit_price"));
    }

    @Test
    void everyChinookForeignKey() {
        List<String> fks = new ArrayList<>();
        for (io.oxyde.migrate.TableDefinition t : chinook.tables()) {
            for (ForeignKeyDefinition fk : t.foreignKeys()) {
                fks.add(t.name() + "." + fk.columns().get(0) + "->" + fk.targetTable() + "." + fk.targetColumns().get(0)
                        + " " + fk.onDelete());
            }
        }
        assertThat(fks).containsExactly(
                "album.artist_id->artist.id CASCADE",
                "customer.support_rep_id->employee.id RESTRICT",
                "employee.reports_to_id->employee.id SET_NULL",
                "invoice.customer_id->customer.id RESTRICT",
                "invoice_line.invoice_id->invoice.id CASCADE",
                "invoice_line.track_id->track.id RESTRICT",
                "playlist_track.playlist_id->playlist.id CASCADE",
                "playlist_track.track_id->track.id CASCADE",
                "track.album_id->album.id RESTRICT",
                "track.media_type_id->media_type.id RESTRICT",
                "track.genre_id->genre.id RESTRICT");
    }

    @Test
    void otherChinookTables() {
        assertThat(chinook.requireTable("playlist_track").uniques())
                .containsExactly(UniqueDefinition.of("uq_playlist_track_playlist_id_track_id", "playlist_id", "track_id"));
        assertThat(chinook.requireTable("playlist").columnNames()).containsExactly("id", "name");
        assertThat(chinook.requireTable("employee").column("birth_date").orElseThrow())
                .isEqualTo(io.oxyde.migrate.ColumnDefinition.nullable("birth_date", ColumnType.timestamp()));
        assertThat(chinook.requireTable("invoice").column("total").orElseThrow())
                .isEqualTo(io.oxyde.migrate.ColumnDefinition.of("total", ColumnType.decimal(10, 2)));
        assertThat(chinook.requireTable("invoice_line").column("quantity").orElseThrow())
                .isEqualTo(io.oxyde.migrate.ColumnDefinition.of("quantity", ColumnType.integer()));
        assertThat(chinook.requireTable("genre").column("id").orElseThrow().autoIncrement()).isTrue();
        assertThat(chinook.requireTable("album").columnNames()).containsExactly("id", "title", "artist_id");
        assertThat(chinook.requireTable("customer").columns()).hasSize(13);
        assertThat(chinook.requireTable("employee").columns()).hasSize(15);
    }

    enum Mood { HAPPY, SAD }

    @Json
    record Settings(String theme) {
    }

    @Table(value = "everything", comment = "all the types", schema = "",
            indexes = {@Index(columns = {"label"}, unique = true, where = "label IS NOT NULL"),
                    @Index(name = "ix_tags", columns = {"tags"}, method = io.oxyde.migrate.IndexMethod.GIN)},
            uniqueTogether = @Unique(name = "uq_pair", value = {"small", "tiny"}),
            checks = @io.oxyde.annotation.Check(name = "ck_positive", expression = "small >= 0"))
    @RenamedFrom("all_types")
    record Everything(@Id Long id, int anInt, Integer boxed, short small, byte tiny, double real, float single,
                      boolean flag, String label, @Column(length = 20, comment = "the code") String code,
                      @Column(type = "text") String body, @Column(type = "CITEXT") String ci,
                      @Column(precision = 12, scale = 3) BigDecimal amount, BigDecimal loose, byte[] blob, UUID uuid,
                      LocalDate day, LocalTime clock, LocalDateTime local, Instant instant, OffsetDateTime offset,
                      Duration span, Mood mood, Settings settings, Map<String, Object> extra, List<Integer> numbers,
                      List<String> tags, @RenamedFrom("old_name") @Column(sqlDefault = "'x'") String renamed,
                      @Column(unique = true) long serial) {
    }

    @Test
    void everyJavaTypeMapsToItsLogicalType() {
        io.oxyde.migrate.TableDefinition t = Migrations.schemaOf(Everything.class).requireTable("everything");
        assertThat(t.comment()).isEqualTo("all the types");
        assertThat(t.renamedFrom()).isEqualTo("all_types");
        assertThat(t.columns()).extracting(c -> c.name() + " " + c.type().describe() + (c.nullable() ? " NULL" : ""))
                .containsExactly("id BIGINT", "an_int INTEGER", "boxed INTEGER NULL", "small SMALLINT", "tiny SMALLINT",
                        "real DOUBLE", "single DOUBLE", "flag BOOLEAN", "label VARCHAR(255) NULL",
                        "code VARCHAR(20) NULL", "body TEXT NULL", "ci CITEXT NULL", "amount DECIMAL(12,3) NULL",
                        "loose DECIMAL(19,4) NULL", "blob BYTES NULL", "uuid UUID NULL", "day DATE NULL",
                        "clock TIME NULL", "local TIMESTAMP NULL", "instant TIMESTAMPTZ NULL", "offset TIMESTAMPTZ NULL",
                        "span BIGINT NULL", "mood ENUM[HAPPY, SAD] NULL", "settings JSON NULL", "extra JSON NULL",
                        "numbers INTEGER[] NULL", "tags TEXT[] NULL", "renamed VARCHAR(255) NULL", "serial BIGINT");
        assertThat(t.column("ci").orElseThrow().type().kind()).isEqualTo(TypeKind.VERBATIM);
        assertThat(t.column("code").orElseThrow().comment()).isEqualTo("the code");
        io.oxyde.migrate.ColumnDefinition renamed = t.column("renamed").orElseThrow();
        assertThat(renamed.renamedFrom()).isEqualTo("old_name");
        assertThat(renamed.defaultValue()).isEqualTo("'x'");
        assertThat(t.uniques()).containsExactly(UniqueDefinition.of("uq_everything_serial", "serial"),
                UniqueDefinition.of("uq_pair", "small", "tiny"));
        assertThat(t.indexes()).containsExactly(
                io.oxyde.migrate.IndexDefinition.unique("ix_everything_label", "label").where("label IS NOT NULL"),
                io.oxyde.migrate.IndexDefinition.of("ix_tags", "tags").using(IndexMethod.GIN));
        assertThat(t.checks()).containsExactly(io.oxyde.migrate.CheckDefinition.of("ck_positive", "small >= 0"));
    }

    record Keyed(@Id(strategy = IdStrategy.UUID) UUID id, String name) {
    }

    record PointsToKeyed(@Id Long id, io.oxyde.Ref<Keyed> keyed) {
    }

    @Test
    void foreignKeyTakesTheTargetKeyTypeWithoutIdentity() {
        Schema schema = Migrations.schemaOf(PointsToKeyed.class);
        assertThat(schema.requireTable("keyed").column("id").orElseThrow())
                .isEqualTo(io.oxyde.migrate.ColumnDefinition.of("id", ColumnType.uuid()));
        assertThat(schema.requireTable("points_to_keyed").column("keyed_id").orElseThrow())
                .isEqualTo(io.oxyde.migrate.ColumnDefinition.nullable("keyed_id", ColumnType.uuid()));
    }

    @Table("album")
    record OtherAlbum(@Id Long id, String name) {
    }

    @Test
    void twoModelsOnOneTableAreRefused() {
        assertThatThrownBy(() -> Migrations.schemaOf(Album.class, OtherAlbum.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("both map to table album")
                .hasMessageContaining("OtherAlbum");
    }

    record Unmapped(@Id Long id, @Column(type = "") Object thing) {
    }

    @Test
    void aTypeWithoutMappingIsNamed() {
        assertThatThrownBy(() -> Migrations.schemaOf(Unmapped.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("Unmapped").hasMessageContaining("thing");
    }
}
