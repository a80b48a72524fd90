package io.oxyde.bench.model;

import io.oxyde.annotation.Id;
import io.oxyde.annotation.OneToMany;
import io.oxyde.Ref;
import io.oxyde.annotation.Table;
import java.util.List;

/** A Chinook album; {@code tracks} is filled only by the prefetch operation (null otherwise). */
@Table("album")
public record Album(@Id Long id, String title, Ref<Artist> artist, @OneToMany(mappedBy = "album") List<Track> tracks) {

    /** An album without its tracks. */
    public Album(Long id, String title, Ref<Artist> artist) {
        this(id, title, artist, null);
    }
}
