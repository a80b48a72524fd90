package io.oxyde.it;

import static io.oxyde.Oxyde.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oxyde.Oxyde;
import io.oxyde.chinook.Track;
import io.oxyde.exception.UnsupportedFeatureException;
import io.oxyde.testkit.AllDatabases;
import io.oxyde.testkit.DatabaseKind;
import io.oxyde.testkit.TestDatabase;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code distinctOn(...)} (protocol revision 1.3 {@code distinct_on}): each album's longest track
 * and each genre's first track on PostgreSQL, against the Chinook JSON; refused at the builder
 * call on SQLite and MariaDB, naming the alternative.
 */
class DistinctOnTest {

    @AllDatabases
    void longestTrackOfEachAlbum(TestDatabase tdb) throws Exception {
        Oxyde db = Chinook.shared(tdb);
        if (tdb.kind() != DatabaseKind.POSTGRES) {
            assertThatThrownBy(() -> db.objects(Track.class).distinctOn("album"))
                    .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining(db.dialect().name())
                    .hasMessageContaining("only PostgreSQL has DISTINCT ON; number the rows with annotate(\"n\","
                            + " Window.of(RowNumber.of())");
            return;
        }
        List<Track> longest = await(db.objects(Track.class).distinctOn("album")
                .orderBy("album", "-milliseconds", "id").all());
        Map<Long, Track> expected = Expect.TRACKS.stream().collect(Collectors.toMap(t -> (Long) t.album().id(), t -> t,
                (a, b) -> a.milliseconds() > b.milliseconds() || a.milliseconds() == b.milliseconds() && a.id() < b.id()
                        ? a : b));
        assertThat(longest).extracting(Track::id).isEqualTo(expected.values().stream()
                .sorted(Comparator.comparing((Track t) -> (Long) t.album().id())).map(Track::id).toList());
        // across a foreign key, read as values: the first track (by id) of each genre, by genre name
        List<Map<String, Object>> firsts = await(db.objects(Track.class).distinctOn("genre__name")
                .orderBy("genre__name", "id").values("genre__name", "id").all());
        Map<String, Long> firstOfGenre = Expect.TRACKS.stream().filter(t -> t.genre() != null).collect(Collectors.toMap(
                Expect::genreName, Track::id, Math::min));
        assertThat(firsts.stream().filter(r -> r.get("genre__name") != null).collect(Collectors.toMap(
                r -> (String) r.get("genre__name"), r -> ((Number) r.get("id")).longValue()))).isEqualTo(firstOfGenre);
        assertThat(await(db.objects(Track.class).distinctOn("album").count())).isEqualTo(expected.size());
        assertThatThrownBy(() -> db.objects(Track.class).distinctOn("album").orderBy("-milliseconds").all())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("distinctOn([album_id]) needs the order to start with the same fields");
    }
}
