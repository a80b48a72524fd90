package io.oxyde.examples.chinook;

import io.oxyde.annotation.ManyToMany;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A named list of tracks. {@code tracks} is a many-to-many relation through the join model
 * {@link PlaylistTrack}; it has no column and is filled by {@code prefetch("tracks")}.
 *
 * @param id     the primary key
 * @param name   the playlist's name
 * @param tracks its tracks, when prefetched
 */
public record Playlist(Long id,
                       @Size(max = 120) String name,
                       @ManyToMany(through = PlaylistTrack.class) List<Track> tracks) {

    /** A playlist whose tracks are not loaded. */
    public Playlist(Long id, String name) {
        this(id, name, null);
    }
}
