package io.oxyde.chinook;

import io.oxyde.ForeignKey;
import io.oxyde.Id;
import io.oxyde.ReferentialAction;
import io.oxyde.Ref;
import io.oxyde.Table;
import io.oxyde.Unique;
import jakarta.validation.constraints.NotNull;

/**
 * The join model of playlists and tracks. Chinook's composite key (PlaylistId, TrackId) becomes a
 * surrogate id plus a unique constraint over both references.
 */
@Table(uniqueTogether = @Unique({"playlist", "track"}))
public record PlaylistTrack(@Id Long id,
                            @NotNull @ForeignKey(onDelete = ReferentialAction.CASCADE) Ref<Playlist> playlist,
                            @NotNull @ForeignKey(onDelete = ReferentialAction.CASCADE) Ref<Track> track) {
}
