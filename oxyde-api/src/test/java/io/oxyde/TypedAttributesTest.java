package io.oxyde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.chinook.Album_;
import io.oxyde.chinook.Artist_;
import io.oxyde.chinook.Genre_;
import io.oxyde.chinook.Invoice_;
import io.oxyde.chinook.Playlist_;
import io.oxyde.chinook.Track;
import io.oxyde.chinook.Track_;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.oxyde.expression.Avg;
import io.oxyde.expression.Count;
import io.oxyde.F;
import io.oxyde.expression.Max;
import io.oxyde.expression.Min;
import io.oxyde.Q;
import io.oxyde.expression.Sum;
import io.oxyde.metamodel.Assignments;
import io.oxyde.metamodel.Condition;
import io.oxyde.metamodel.TextAttribute;

/**
 * The typed attributes (from the generated Chinook metamodel) build exactly what the string API
 * would: the same paths, the same {@link Q} trees, the same order terms and update maps. No
 * database: the integration twin is {@code io.oxyde.it.TypedQueriesTest}.
 */
class TypedAttributesTest {

    private static void sameQ(Condition<?> typed, Q strings) {
        assertThat(typed.q().toString()).isEqualTo(strings.toString());
    }

    @Test
    void pathsContinueThroughRelationsAndKeepTheirKind() {
        TextAttribute<Track> artistName = Track_.ALBUM.then(Album_.ARTIST).then(Artist_.NAME);
        assertThat(artistName.path()).isEqualTo("album__artist__name");
        assertThat(artistName.model()).isEqualTo(Track.class);
        assertThat(artistName.javaType()).isEqualTo(String.class);
        assertThat(Playlist_.TRACKS.then(Track_.GENRE).then(Genre_.NAME).path()).isEqualTo("tracks__genre__name");
        assertThat(Track_.ALBUM.target()).isEqualTo(io.oxyde.chinook.Album.class);
        assertThat(Artist_.ALBUMS.element()).isEqualTo(io.oxyde.chinook.Album.class);
        assertThat(Track_.ALBUM.then(Album_.ARTIST)).isEqualTo(Track_.ALBUM.then(Album_.ARTIST))
                .isNotEqualTo(Album_.ARTIST);
        assertThat(artistName).hasToString("Track.album__artist__name");
    }

    @Test
    void conditionsAreTheStringApisQ() {
        sameQ(Track_.NAME.eq("x"), Q.of("name__exact", "x"));
        sameQ(Track_.MILLISECONDS.gte(300_000), Q.of("milliseconds__gte", 300_000));
        sameQ(Track_.NAME.icontains("queen"), Q.of("name__icontains", "queen"));
        sameQ(Track_.COMPOSER.isNull(), Q.of("composer__isnull", true));
        sameQ(Track_.COMPOSER.isNotNull(), Q.of("composer__isnull", false));
        sameQ(Track_.UNIT_PRICE.between(0.5, new BigDecimal("2")), Q.of("unitPrice__between", Arrays.asList(0.5, new BigDecimal("2"))));
        sameQ(Track_.GENRE.then(Genre_.NAME).in("Jazz", "Blues"), Q.of("genre__name__in", List.of("Jazz", "Blues")));
        sameQ(Track_.ID.in(List.of(1L, 2L)), Q.of("id__in", List.of(1L, 2L)));
        sameQ(Invoice_.INVOICE_DATE.year(2010), Q.of("invoiceDate__year", 2010));
        sameQ(Track_.ALBUM.eq(Ref.id(3L)), Q.of("album__exact", Ref.id(3L)));
        sameQ(Track_.NAME.startswith("A").or(Track_.BYTES.lt(10)).not(),
                Q.not(Q.of("name__startswith", "A").or(Q.of("bytes__lt", 10))));
        sameQ(Track_.NAME.ne("x").and(Track_.MILLISECONDS.ne(1)), Q.of("name__ne", "x").and(Q.of("milliseconds__ne", 1)));
        assertThat(Q.of(Track_.NAME.eq("x")).toString()).isEqualTo(Q.of("name__exact", "x").toString());
    }

    @Test
    void ordersAssignmentsAndAggregates() {
        assertThat(Track_.MILLISECONDS.desc().term()).isEqualTo("-milliseconds");
        assertThat(Track_.ALBUM.then(Album_.TITLE).asc().term()).isEqualTo("album__title");
        Map<String, Object> values = Assignments.of(Track_.COMPOSER, "x").set(Track_.BYTES, 5)
                .set(Track_.UNIT_PRICE, F.col(Track_.UNIT_PRICE).mul(2)).toMap();
        assertThat(values).containsOnlyKeys("composer", "bytes", "unitPrice").containsEntry("composer", "x")
                .containsEntry("bytes", 5);
        assertThat(values.get("unitPrice")).hasToString(F.col("unitPrice").mul(2).toString());
        assertThatThrownBy(() -> Assignments.of(Track_.ALBUM.then(Album_.TITLE), "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("update(...) sets fields of the model itself, not Track.album__title across a relation");
        assertThat(Sum.of(Invoice_.TOTAL)).isEqualTo(Sum.of("total"));
        assertThat(Count.of(Artist_.ALBUMS.then(Album_.ID))).isEqualTo(Count.of("albums__id"));
        assertThat(Max.of(Track_.NAME)).isEqualTo(Max.of("name"));
        assertThat(Min.of(Track_.MILLISECONDS)).isEqualTo(Min.of("milliseconds"));
        assertThat(Avg.of(Track_.MILLISECONDS)).isEqualTo(Avg.of("milliseconds"));
    }
}
