package io.oxyde.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.oxyde.Ref;
import io.oxyde.bench.model.Album;
import io.oxyde.bench.model.Track;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparable form distinguishes what the quick check must catch. */
class CanonTest {

    private static Track track(long id, Ref<Album> album, int ms) {
        return new Track(id, "Song", album, null, ms, 10, 99);
    }

    @Test
    void differentValuesDiffer() {
        assertThat(Canon.of(track(1, Ref.id(2L), 100))).isNotEqualTo(Canon.of(track(1, Ref.id(2L), 101)));
        assertThat(Canon.of(List.of(track(1, Ref.id(2L), 100)))).isEqualTo(Canon.of(List.of(track(1, Ref.id(2L), 100))));
    }

    @Test
    void aLoadedAlbumIsPartOfTheResultAndAnIntegerKeyEqualsALongOne() {
        Album album = new Album(2L, "Title", Ref.id(3L));
        assertThat(Canon.of(track(1, Ref.of(album), 100))).isNotEqualTo(Canon.of(track(1, Ref.id(2L), 100)));
        assertThat(Canon.of(track(1, Ref.id(2), 100))).isEqualTo(Canon.of(track(1, Ref.id(2L), 100)));
        assertThat(Canon.of(7)).isEqualTo(Canon.of(7L));
    }
}
