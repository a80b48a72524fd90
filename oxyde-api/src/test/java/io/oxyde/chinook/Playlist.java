package io.oxyde.chinook;

import io.oxyde.annotation.Id;
import io.oxyde.annotation.ManyToMany;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A Chinook playlist; {@code tracks} goes through {@link PlaylistTrack}, null until prefetched. */
public record Playlist(@Id Long id,
                       @Size(max = 120) String name,
                       @ManyToMany(through = PlaylistTrack.class) List<Track> tracks) {

    public Playlist(Long id, String name) {
        this(id, name, null);
    }
}
