package io.oxyde.examples.chinook;

import io.oxyde.annotation.ForeignKey;
import io.oxyde.migrate.ReferentialAction;
import io.oxyde.Ref;
import io.oxyde.annotation.Table;
import io.oxyde.annotation.Unique;
import jakarta.validation.constraints.NotNull;

/**
 * The join model between playlists and tracks. Oxyde models have one primary key, so Chinook's
 * composite key (PlaylistId, TrackId) becomes a generated surrogate {@code id} plus a unique
 * constraint over both references.
 *
 * @param id       the surrogate primary key
 * @param playlist the playlist
 * @param track    the track on it
 */
@Table(uniqueTogether = @Unique({"playlist", "track"}))
public record PlaylistTrack(Long id,
                            @NotNull @ForeignKey(onDelete = ReferentialAction.CASCADE) Ref<Playlist> playlist,
                            @NotNull @ForeignKey(onDelete = ReferentialAction.CASCADE) Ref<Track> track) {
}
