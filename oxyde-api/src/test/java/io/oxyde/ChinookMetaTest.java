package io.oxyde;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.chinook.Album;
import io.oxyde.chinook.Artist;
import io.oxyde.chinook.ChinookData;
import io.oxyde.chinook.Customer;
import io.oxyde.chinook.Employee;
import io.oxyde.chinook.InvoiceLine;
import io.oxyde.chinook.MediaType;
import io.oxyde.chinook.Playlist;
import io.oxyde.chinook.PlaylistTrack;
import io.oxyde.chinook.Track;
import io.oxyde.codec.ValueKind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.oxyde.annotation.IdStrategy;
import io.oxyde.meta.FieldMeta;
import io.oxyde.meta.ForeignKeyMeta;
import io.oxyde.meta.IndexMeta;
import io.oxyde.meta.ManyToManyMeta;
import io.oxyde.meta.ModelMeta;
import io.oxyde.meta.ReverseRelationMeta;
import io.oxyde.meta.UniqueMeta;
import io.oxyde.migrate.ReferentialAction;

class ChinookMetaTest {

    @Test
    void everyChinookModelIsValid() {
        for (Class<?> model : ChinookData.MODELS) {
            ModelMeta<?> meta = ModelMeta.of(model);
            assertThat(meta.modelClass()).isEqualTo(model);
            assertThat(meta.primaryKey().name()).isEqualTo("id");
            assertThat(meta.isRecord()).isTrue();
        }
    }

    @Test
    void metadataIsReadOnceAndCached() {
        assertThat(ModelMeta.of(Track.class)).isSameAs(ModelMeta.of(Track.class));
    }

    @Test
    void albumMatchesTheDesignExample() {
        ModelMeta<Album> meta = ModelMeta.of(Album.class);
        assertThat(meta.tableName()).isEqualTo("album");
        assertThat(meta.fields()).extracting(FieldMeta::name).containsExactly("id", "title", "artist");
        assertThat(meta.fields()).extracting(FieldMeta::column).containsExactly("id", "title", "artist_id");

        FieldMeta id = meta.primaryKey();
        assertThat(id.kind()).isEqualTo(ValueKind.INT);
        assertThat(id.idStrategy()).isEqualTo(IdStrategy.AUTO);
        assertThat(id.nullable()).isFalse();

        FieldMeta title = meta.field("title").orElseThrow();
        assertThat(title.kind()).isEqualTo(ValueKind.TEXT);
        assertThat(title.length()).as("from @Size(max = 160)").isEqualTo(160);
        assertThat(title.nullable()).as("@NotBlank").isFalse();

        FieldMeta artist = meta.field("artist").orElseThrow();
        assertThat(artist.isForeignKey()).isTrue();
        assertThat(artist.kind()).as("the kind of Artist's key").isEqualTo(ValueKind.INT);
        assertThat(artist.nullable()).isFalse();
        assertThat(artist.indexed()).isTrue();
        assertThat(artist.foreignKey()).isEqualTo(new ForeignKeyMeta(Artist.class, "artist", "id", "id",
                ReferentialAction.CASCADE, ReferentialAction.CASCADE, true, java.util.List.of("artist_id"),
                java.util.List.of("id")));
        assertThat(meta.foreignKeys()).containsExactly(artist);
        assertThat(meta.fieldByColumn("artist_id")).contains(artist);
    }

    @Test
    void trackConventionsAndInference() {
        ModelMeta<Track> meta = ModelMeta.of(Track.class);
        assertThat(meta.tableName()).isEqualTo("track");
        assertThat(meta.fields()).extracting(FieldMeta::column).containsExactly("id", "name", "album_id",
                "media_type_id", "genre_id", "composer", "milliseconds", "bytes", "unit_price");
        assertThat(meta.field("milliseconds").orElseThrow().nullable()).as("primitive int").isFalse();
        assertThat(meta.field("bytes").orElseThrow().nullable()).as("boxed Integer").isTrue();
        assertThat(meta.field("composer").orElseThrow().nullable()).isTrue();
        assertThat(meta.field("mediaType").orElseThrow().nullable()).as("@NotNull Ref").isFalse();
        assertThat(meta.field("genre").orElseThrow().nullable()).isTrue();
        assertThat(meta.field("genre").orElseThrow().foreignKey().onDelete()).as("default").isEqualTo(ReferentialAction.RESTRICT);

        FieldMeta price = meta.field("unitPrice").orElseThrow();
        assertThat(price.kind()).isEqualTo(ValueKind.DECIMAL);
        assertThat(price.javaType()).isEqualTo(BigDecimal.class);
        assertThat(price.precision()).as("@Digits(8, 2)").isEqualTo(10);
        assertThat(price.scale()).isEqualTo(2);
        assertThat(price.indexed()).isTrue();
        assertThat(meta.indexes()).extracting(IndexMeta::name).contains("ix_track_unit_price", "ix_track_album_id",
                "ix_track_media_type_id", "ix_track_genre_id");
        assertThat(ModelMeta.of(MediaType.class).tableName()).isEqualTo("media_type");
        assertThat(ModelMeta.of(InvoiceLine.class).tableName()).isEqualTo("invoice_line");
    }

    @Test
    void selfReferenceAndReferenceToAnotherModel() {
        FieldMeta reportsTo = ModelMeta.of(Employee.class).field("reportsTo").orElseThrow();
        assertThat(reportsTo.column()).isEqualTo("reports_to_id");
        assertThat(reportsTo.foreignKey().target()).isEqualTo(Employee.class);
        assertThat(reportsTo.foreignKey().onDelete()).isEqualTo(ReferentialAction.SET_NULL);
        assertThat(reportsTo.nullable()).isTrue();

        FieldMeta supportRep = ModelMeta.of(Customer.class).field("supportRep").orElseThrow();
        assertThat(supportRep.column()).isEqualTo("support_rep_id");
        assertThat(supportRep.foreignKey().targetTable()).isEqualTo("employee");
        assertThat(ModelMeta.of(Employee.class).field("birthDate").orElseThrow().kind()).isEqualTo(ValueKind.DATE_TIME);
    }

    @Test
    void reverseRelationAndManyToMany() {
        ModelMeta<Artist> artist = ModelMeta.of(Artist.class);
        assertThat(artist.fields()).extracting(FieldMeta::name).containsExactly("id", "name");
        assertThat(artist.reverseRelations()).containsExactly(
                new ReverseRelationMeta("albums", Album.class, "artist", "artist_id"));

        ModelMeta<Playlist> playlist = ModelMeta.of(Playlist.class);
        assertThat(playlist.fields()).extracting(FieldMeta::name).containsExactly("id", "name");
        assertThat(playlist.manyToMany()).containsExactly(new ManyToManyMeta("tracks", Track.class, PlaylistTrack.class,
                "playlist_track", "playlist", "playlist_id", "track", "track_id"));

        ModelMeta<PlaylistTrack> through = ModelMeta.of(PlaylistTrack.class);
        assertThat(through.uniqueTogether()).containsExactly(
                new UniqueMeta("uq_playlist_track_playlist_id_track_id", List.of("playlist_id", "track_id")));
    }
}
